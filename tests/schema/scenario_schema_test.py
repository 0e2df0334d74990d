#!/usr/bin/env python3
"""scenario_schema_test.py — docs/scenario.schema.json checked with a real validator.

    scenario_schema_test.py SOURCE_DIR MFC_TRAINER WORK_DIR

  - the schema is a valid JSON Schema (draft 2020-12 metaschema);
  - every bundled scenario (scenarios/*/scenario.json) and every test fixture scenario
    (tests/data/scenarios/*/scenario.json) passes it;
  - broken copies of a bundled scenario (one mistake each) fail it, and `mfc-trainer check`
    refuses the same files: the schema and the loader agree on each of them;
  - every key the loader accepts (the key lists in engine/scenario/load.c) is a property in
    the schema, and every property has a description (what an editor shows while typing).

The validator is python3-jsonschema (Debian 12: 4.10.3, which knows draft 2020-12). Without it
the test is skipped (exit 77) with the command that installs it.
"""
import copy
import glob
import json
import os
import re
import shutil
import subprocess
import sys

SKIP = 77


def main():
    if len(sys.argv) != 4:
        print("usage: scenario_schema_test.py SOURCE_DIR MFC_TRAINER WORK_DIR", file=sys.stderr)
        return 2
    src, exe, work = sys.argv[1:]
    try:
        import jsonschema
    except ImportError:
        print("SKIP: python3-jsonschema is not installed "
              "(apt-get install python3-jsonschema, or run .ci/deps.sh)")
        return SKIP
    failed = 0

    def check(ok, what):
        nonlocal failed
        if not ok:
            failed += 1
            print("FAIL: " + what)
        return ok

    with open(os.path.join(src, "docs", "scenario.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    validator = cls(schema)

    def errors(doc):
        return sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))

    # ---- every scenario the project ships or tests with passes -------------------------------
    files = sorted(glob.glob(os.path.join(src, "scenarios", "*", "scenario.json")))
    bundled = len(files)
    files += sorted(glob.glob(os.path.join(src, "tests", "data", "scenarios", "*", "scenario.json")))
    check(bundled >= 19, "bundled scenarios found: %d" % bundled)
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errs = errors(doc)
        for e in errs[:5]:
            print("  %s: %s: %s" % (os.path.relpath(path, src),
                                    "/".join(str(p) for p in e.absolute_path), e.message[:200]))
        check(not errs, "%s passes the schema" % os.path.relpath(path, src))
    # The full example of the format guide (section 18) too.
    with open(os.path.join(src, "docs", "scenario-format.md"), encoding="utf-8") as f:
        guide = f.read()
    at = guide.find("### scenarios/primer-doverennost/scenario.json")
    start = guide.find("```json\n", at) + len("```json\n")
    example = json.loads(guide[start:guide.find("```", start)])
    errs = errors(example)
    for e in errs[:5]:
        print("  format guide, section 18: %s: %s" % ("/".join(str(p) for p in e.absolute_path),
                                                      e.message[:200]))
    check(at >= 0 and not errs, "the format guide's full example passes the schema")
    print("%d scenarios pass the schema (%d bundled) and the guide's example" %
          (len(files), bundled))

    # ---- broken copies fail, and the loader refuses them too ---------------------------------
    base_id = "passport-45-late"
    with open(os.path.join(src, "scenarios", base_id, "scenario.json"), encoding="utf-8") as f:
        base = json.load(f)

    def first_action(doc, pred):
        for step in doc["steps"].values():
            for a in step["actions"]:
                if pred(a):
                    return a
        raise AssertionError("no such action in " + base_id)

    def m_unknown_key(d): d["titel"] = d["title"]
    def m_bad_id(d): d["service"] = "Passport RF"
    def m_difficulty(d): d["difficulty"] = 6
    def m_minutes_fraction(d): d["minutes"] = 2.5
    def m_no_endings(d): del d["endings"]
    def m_empty_goals(d): d["goals"] = []
    def m_sex(d): d["applicant"]["sex"] = "ж"
    def m_doc_type(d): d["documents"][0]["type"] = "pasport_rf"
    def m_reason(d): d["documents"][0]["problems"][0]["reasons"] = ["expird"]
    def m_clock(d): d.setdefault("office", {})["clock"] = "9:5"
    def m_outcome(d): next(iter(d["endings"].values()))["outcome"] = "accept"
    def m_refuse_no_ground(d):
        del first_action(d, lambda a: a["kind"] == "refuse")["ground"]
    def m_next_and_end(d):
        a = first_action(d, lambda a: "end" in a)
        a["next"] = d["start"]
    def m_negative_no_rule(d):
        a = first_action(d, lambda a: any(s["points"] < 0 for s in a.get("score", [])))
        for s in a["score"]:
            if s["points"] < 0:
                s.pop("rule", None)
    def m_requires_kind(d):
        first_action(d, lambda a: True).setdefault("requires", []).append("seen:greet")
    def m_critical_no_rule(d):
        del first_action(d, lambda a: "critical" in a)["critical"]["rule"]
    def m_step_no_actions(d): d["steps"][d["start"]]["actions"] = []
    def m_field_value(d): d["documents"][0]["fields"]["series"] = ["45", "07"]
    def m_pin(d): first_action(d, lambda a: True)["pin"] = "top"

    cases = [
        ("an unknown key", m_unknown_key),
        ("an id with capitals and spaces", m_bad_id),
        ("difficulty out of 1…5", m_difficulty),
        ("a fraction where an integer belongs", m_minutes_fraction),
        ("no endings", m_no_endings),
        ("empty goals", m_empty_goals),
        ("an unknown sex", m_sex),
        ("an unknown document type", m_doc_type),
        ("an unknown reason", m_reason),
        ("a clock not written as ЧЧ:ММ", m_clock),
        ("an unknown outcome", m_outcome),
        ("a refusal without ground", m_refuse_no_ground),
        ("next and end together", m_next_and_end),
        ("negative points without a rule", m_negative_no_rule),
        ("an unknown kind of condition", m_requires_kind),
        ("a critical error without a rule", m_critical_no_rule),
        ("a step without actions", m_step_no_actions),
        ("a field value that is a list", m_field_value),
        ("an unknown pin", m_pin),
    ]
    # A copy of the pack's layout (scenarios/<id>, scenarios/data, scripts) for the loader.
    root = os.path.join(work, "schema")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "scenarios"))
    shutil.copytree(os.path.join(src, "scenarios", "data"), os.path.join(root, "scenarios", "data"))
    shutil.copytree(os.path.join(src, "scripts"), os.path.join(root, "scripts"))
    target = os.path.join(root, "scenarios", base_id)
    shutil.copytree(os.path.join(src, "scenarios", base_id), target)

    def loader_accepts(doc):
        with open(os.path.join(target, "scenario.json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
        r = subprocess.run([exe, "check", target], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=60)
        return r.returncode == 0, r.stderr.decode("utf-8", "replace")

    ok, err = loader_accepts(base)
    check(ok, "the untouched copy passes check (%s)" % err.strip()[:300])
    for name, mutate in cases:
        doc = copy.deepcopy(base)
        mutate(doc)
        errs = errors(doc)
        check(errs, "the schema refuses %s" % name)
        ok, _ = loader_accepts(doc)
        check(not ok, "check refuses %s" % name)
        if errs:
            print("refused: %s — %s" % (name, errs[0].message[:120]))

    # ---- the loader's keys are all in the schema, each described -----------------------------
    with open(os.path.join(src, "engine", "scenario", "load.c"), encoding="utf-8") as f:
        load_c = f.read()
    # The arrays passed to check_keys (keys, score_keys, pk, trk, ok), not other word lists
    # such as the {{kind:…}} references.
    lists = re.findall(r"static const char \*const (?:\w*keys|pk|trk|ok)\[\] = \{([^}]*)\}",
                       load_c)
    loader_keys = set()
    for body in lists:
        loader_keys.update(re.findall(r'"([a-z_]+)"', body))
    described, props = set(), []

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.get("properties", {}).items():
                props.append(k)
                if isinstance(v, dict) and "description" in v:
                    described.add(k)
                elif isinstance(v, dict) and "$ref" in v:
                    target_def = schema["$defs"][v["$ref"].split("/")[-1]]
                    if "description" in target_def:
                        described.add(k)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)
    check(len(lists) >= 10, "key lists found in load.c: %d" % len(lists))
    for k in sorted(loader_keys):
        check(k in props, "the loader's key «%s» is in the schema" % k)
    for k in sorted(set(props)):
        check(k in described, "property «%s» has a description" % k)

    print("%d failed" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
