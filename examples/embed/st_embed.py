#!/usr/bin/env python3
"""A sentence-transformers embedding command for claimdiff --embed-cmd.

It speaks claimdiff's embedding protocol (Go package compare/embedproc):
JSON lines {"id": N, "text": "..."} on standard input, an empty line after
each batch; one answer {"id": N, "vector": [...]} per request on standard
output. Standard output carries answers only: everything else (the model's
loading messages, progress bars, warnings) goes to standard error.

    claimdiff --embed-cmd "python3 examples/embed/st_embed.py all-MiniLM-L6-v2" a.txt b.txt

Needs `pip install sentence-transformers` and the model (downloaded from the
Hugging Face hub on first use, or a local directory given as MODEL).
"""
import argparse
import json
import math
import os
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", nargs="?", default="all-MiniLM-L6-v2",
                        help="a sentence-transformers model name or local path (default all-MiniLM-L6-v2)")
    parser.add_argument("--device", default=None, help="cpu, cuda, mps … (default: what torch finds)")
    parser.add_argument("--batch-size", type=int, default=64, help="texts per forward pass (default 64)")
    args = parser.parse_args()

    # Answers are the only thing allowed on standard output: keep a copy of
    # it for them, then send file descriptor 1 and sys.stdout to standard
    # error, so that nothing the libraries print (from Python or native
    # code) can land among the answers.
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(args.model, device=args.device)
    print(f"st_embed: {args.model} loaded", file=sys.stderr)

    ids, texts = [], []

    def flush() -> None:
        if not texts:
            return
        vectors = model.encode(texts, batch_size=args.batch_size, normalize_embeddings=True,
                               show_progress_bar=False)
        for i, v in zip(ids, vectors):
            values = [float(x) for x in v]
            if all(math.isfinite(x) for x in values):
                answer = {"id": i, "vector": values}
            else:
                answer = {"id": i, "error": "the model gave a NaN or infinite value"}
            answers.write(json.dumps(answer, allow_nan=False) + "\n")
        answers.flush()
        ids.clear()
        texts.clear()

    for line in sys.stdin:
        line = line.strip()
        if not line:  # the end of a batch
            flush()
            continue
        request = json.loads(line)
        ids.append(request["id"])
        texts.append(request["text"])
    flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
