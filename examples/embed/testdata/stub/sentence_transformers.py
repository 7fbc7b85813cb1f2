"""A stand-in for the sentence_transformers package, for the protocol test
of st_embed.py only (examples/embed/script_test.go): no model, no torch.
Each text becomes a bag of its lower-case words hashed into 8 dimensions.
It prints to standard output on purpose, as real libraries sometimes do,
to check that st_embed.py keeps its answers apart."""
import os
import zlib


class SentenceTransformer:
    def __init__(self, name, device=None):
        print("stub: loading", name)  # must not reach claimdiff
        os.write(1, b"stub: native code writes here too\n")
        if name == "missing-model":
            raise OSError("stub: no model named missing-model")

    def encode(self, texts, batch_size=32, normalize_embeddings=False, show_progress_bar=None):
        out = []
        for t in texts:
            v = [0.0] * 8
            for w in t.lower().strip(".").split():
                v[zlib.crc32(w.encode()) % 8] += 1.0
            if normalize_embeddings:
                n = sum(x * x for x in v) ** 0.5 or 1.0
                v = [x / n for x in v]
            if "nan" in t.lower().split():
                v[0] = float("nan")
            out.append(v)
        return out
