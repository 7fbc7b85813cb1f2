#!/usr/bin/env Rscript
# Run claimdiff's corpus mode and print a per-outlet table, from R.
# Needs R and jsonlite (Debian: apt-get install r-base-core r-cran-jsonlite).
#
#   go build -o claimdiff ./cmd/claimdiff
#   Rscript examples/r/outlet_table.R ./claimdiff testdata/sets.jsonl
#
# It reads the CSV with read.csv as it is, the JSON lines with jsonlite, and
# checks that both give the same number of markers per outlet.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: outlet_table.R CLAIMDIFF CORPUS.jsonl")
claimdiff <- args[1]; corpus <- args[2]

csv_file <- tempfile(fileext = ".csv")
status <- system2(claimdiff, c("--format", "csv", "--group-by", "event", shQuote(corpus)), stdout = csv_file)
if (status != 0) stop("claimdiff failed")
d <- read.csv(csv_file, encoding = "UTF-8")
cat(nrow(d), "rows,", length(unique(d$event)), "events\n\n")

# Own-voice markers per outlet and kind, and claims per outlet.
own <- d[d$row == "marker" & d$voice == "outlet", ]
print(table(own$outlet, own$kind))

lines <- system2(claimdiff, c("--format", "jsonl", "--group-by", "event", shQuote(corpus)), stdout = TRUE)
claims <- numeric(0); markers <- numeric(0)
for (l in lines) {
  r <- jsonlite::fromJSON(l, simplifyVector = FALSE)
  if (!is.null(r$error)) next
  for (doc in r$documents) {
    name <- if (!is.null(doc$outlet)) doc$outlet else doc$id
    cs <- doc$claims
    if (!is.null(doc$headline)) cs <- c(cs, list(doc$headline))
    n <- sum(vapply(cs, function(c) length(c$markers), 0L))
    markers[name] <- (if (is.na(markers[name])) 0 else markers[name]) + n
    claims[name] <- (if (is.na(claims[name])) 0 else claims[name]) + r$outlets[[doc$id]]$claims
  }
}
cat("\nclaims per outlet (JSON):\n"); print(claims[order(names(claims))])
from_csv <- table(d$outlet[d$row == "marker"])
stopifnot(all(from_csv[names(markers)] == markers))
cat("\nok: the CSV has one row per marker of the JSON (", sum(markers), "markers )\n")
