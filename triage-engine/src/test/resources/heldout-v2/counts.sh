#!/bin/sh
# Prints the counts table of README.md from the heldout-*.txt files in this directory.
cd "$(dirname "$0")" && awk -F'|' '
  FNR==1 { lang=FILENAME; sub(/^heldout-/,"",lang); sub(/\.txt$/,"",lang); L[++nl]=lang }
  /^#/ || NF!=3 { next }
  { n[lang]++; c[lang,$1]++; if ($1=="NONE") none[lang]++; else { cr[lang]++; if ($2=="indirect") ind[lang]++ } }
  END {
    split("PAS ACT PLAN INT PREP MEANS ATT SH HARM DANGER CMD", K, " ")
    printf "| lang | lines | crisis | NONE | indirect |"; for (i=1;i<=11;i++) printf " %s |", K[i]; print ""
    printf "|---|---|---|---|---|"; for (i=1;i<=11;i++) printf "---|"; print ""
    for (j=1;j<=nl;j++) { l=L[j]
      printf "| %s | %d | %d | %d | %d |", l, n[l], cr[l], none[l], ind[l]
      for (i=1;i<=11;i++) printf " %d |", c[l,K[i]]; print "" }
  }' heldout-en.txt heldout-es.txt heldout-de.txt heldout-fr.txt heldout-it.txt
