# Sourced by the region's tests (central_test.sh, central_report_test.sh): strip_offices
# FORMAT FILE prints a report file (json, csv, table, html) as a local and a region report can be
# compared: without the region's per-office table, the source, the time and the chain head (a
# PC's report names its own journal's head; the region's has none).
strip_offices() { # FORMAT FILE
  case "$1" in
    json) jq -c 'if (.report | type) == "object" then .report else . end
                 | del(.generated_at, .database, .db, .source, .chain_head)' "$2" ;;
    *) python3 - "$1" "$2" <<'PY'
import re, sys
fmt, path = sys.argv[1], sys.argv[2]
t = open(path, encoding="utf-8-sig").read().replace("\r\n", "\n")
if fmt == "html":
    t = re.sub(r"<section><h2>По офисам</h2>.*?</table></section>\n*", "", t, flags=re.S)
    t = t.replace("<body>\n", "<body>")
lines = t.split("\n")
if fmt in ("csv", "table") and lines and lines[0].strip() == "По офисам":
    lines = lines[lines.index("", 1) + 1:] if "" in lines[1:] else []
drop = ("Сформирован", "База результатов", "Метка цепочки", "метка цепочки", "class=\"sub\"", "<title>")
print("\n".join(l for l in lines
                if not any(d in l for d in drop) and not re.fullmatch(r"[\s─]+", l)))
PY
    ;;
  esac
}
