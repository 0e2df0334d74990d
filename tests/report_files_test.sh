#!/bin/sh
# Reports people open and print (issue #15), checked with the real programs, not by reading our
# own output back:
#   csv    LibreOffice Calc (headless) imports the CSV with Russian settings: a personnel number
#          with leading zeros stays text, counts and averages with a decimal comma are numbers;
#   print  Chromium prints the HTML report to PDF: A4, the wide tables on landscape pages, every
#          column heading of the trainees' table on paper, the pass mark on the trend chart.
# Each skips, saying so, when its program is not installed (.ci/deps.sh installs both).
# Usage: report_files_test.sh csv|print MFC_TRAINER SOURCE_DIR
set -u
MODE=$1 EXE=$2 SRC=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
S="--scenarios $SRC/scenarios"

# A small database: three trainees (one with leading zeros), three attempts each.
i=0
for t in 00457 100002 7; do
  for sc in passport-45-late passport-lost inn-teen-alone; do
    i=$((i + 1))
    "$EXE" play $sc $S --random --seed $i --db r.db --trainee $t --trainee-name "Петрова Анна" \
      >/dev/null 2>&1 || { echo "FAIL: play into r.db"; exit 1; }
  done
done

case $MODE in
csv)
  command -v soffice >/dev/null 2>&1 ||
    { echo "SKIP: LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"; exit 0; }
  "$EXE" report --db r.db --format csv --output r.csv || { echo "FAIL: report csv"; exit 1; }
  # As a Russian Calc opens it: ';' separated, '"' quoted, UTF-8 (76), from line 1, locale
  # ru-RU (1049) for the decimal comma. Flat ODS (XML) to read the cells' types.
  HOME=$TMP/home timeout 180 soffice --headless --infilter="CSV:59,34,76,1,,1049" \
    --convert-to fods --outdir "$TMP" r.csv >"$TMP/lo.log" 2>&1
  [ -s r.fods ] || { cat "$TMP/lo.log"; echo "FAIL: LibreOffice did not convert the CSV"; exit 1; }
  # One cell per line: <table:table-cell …>text</…>
  sed 's|<table:table-cell|\n<table:table-cell|g' r.fods | grep '^<table:table-cell' >cells
  grep 'office:string-value="00457"' cells | grep -q 'office:value-type="string"' && ok ||
    bad "the personnel number 00457 did not stay text: $(grep -m1 '457' cells)"
  grep -q 'office:value="457"' cells && bad "00457 was read as the number 457" || ok
  grep 'office:string-value="100002"' cells | grep -q 'value-type="string"' && ok ||
    bad "the personnel number 100002 is not text"
  # Counts and averages are numbers: the trainees' row of 00457 has 3 attempts, and an average
  # with a decimal comma in the CSV is a float in Calc.
  avg=$(grep -m1 '^"=""00457"""' r.csv | cut -d';' -f7)
  echo "average of 00457 in the CSV: $avg"
  case $avg in
  *,*) want=$(echo "$avg" | tr , .)
    grep -q "office:value-type=\"float\" office:value=\"$want\"" cells && ok ||
      bad "the average $avg is not the number $want in Calc" ;;
  *) grep -q "office:value-type=\"float\" office:value=\"$avg\"" cells && ok ||
      bad "the average $avg is not a number in Calc" ;;
  esac
  grep -q 'office:value-type="float" office:value="3"' cells && ok || bad "no attempt count is a number"
  # Dates are dates, not text.
  grep -q 'office:value-type="date"' cells && ok || bad "no date was read as a date"
  ;;
print)
  BROWSER=""
  for b in chromium chromium-browser google-chrome; do
    command -v $b >/dev/null 2>&1 && { BROWSER=$b; break; }
  done
  [ -n "$BROWSER" ] || { echo "SKIP: Chromium is not installed (apt-get install chromium)"; exit 0; }
  command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 ||
    { echo "SKIP: poppler-utils is not installed"; exit 0; }
  "$EXE" report --db r.db --format html --output r.html || { echo "FAIL: report html"; exit 1; }
  grep -q 'class="pass"' r.html && ok || bad "the trend chart has no pass-mark line"
  grep -q 'проходной балл 70' r.html && ok || bad "the pass mark is not labelled"
  grep -q 'svg{width:100%;max-width:640px;height:auto;font-size:14px' r.html && ok ||
    bad "chart labels are not the page's 14 px text"
  HOME=$TMP/home timeout 180 $BROWSER --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$TMP/r.pdf" r.html >"$TMP/chromium.log" 2>&1
  [ -s r.pdf ] || { tail "$TMP/chromium.log"; echo "FAIL: Chromium printed no PDF"; exit 1; }
  pages=$(pdfinfo r.pdf | awk '/^Pages:/{print $2}')
  echo "pages: $pages"
  portrait=0 landscape=0
  p=1
  while [ "$p" -le "$pages" ]; do
    size=$(pdfinfo -f $p -l $p r.pdf | awk '/^Page.*size:/{print int($4) "x" int($6)}')
    case $size in
    594x841 | 595x841 | 595x842) portrait=$((portrait + 1)) ;;
    841x594 | 841x595 | 842x595) landscape=$((landscape + 1)) ;;
    *) bad "page $p is not A4: $size" ;;
    esac
    p=$((p + 1))
  done
  [ "$portrait" -gt 0 ] && ok || bad "no portrait page"
  [ "$landscape" -gt 0 ] && ok || bad "the wide tables did not get a landscape page"
  # Every column heading of the trainees' table is on paper (nothing cut at the page edge), and
  # so is the last column's content.
  pdftotext -layout r.pdf r.txt
  for h in "Табельный" "Стажёр" "Завершённых" "Незавершённых" "Зачтено" "Сдано" "Средний" \
    "Слабый" "Последняя"; do
    grep -q "$h" r.txt && ok || bad "the heading «$h» is missing from the printed report"
  done
  grep -q "00457" r.txt && ok || bad "a personnel number is missing from the print"
  # Date and time appear in the trainees' last column (3 rows) and the summary (first and last
  # attempt): fewer than 5 means the last column was cut off.
  n=$(grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}' r.txt | wc -l)
  [ "$n" -ge 5 ] && ok || bad "the last column (last activity) was cut off: $n times printed"
  ;;
*) echo "usage: report_files_test.sh csv|print MFC_TRAINER SOURCE_DIR"; exit 2 ;;
esac

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
