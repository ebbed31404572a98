"""`make audit`: pip-audit over requirements.lock, with an honest one-line verdict.

pip-audit says "No known vulnerabilities found" even when it could not look a single
package up (it lists them as skipped), so this script reads its JSON and says plainly
whether anything was checked. Exit 1 when vulnerabilities are found, 0 otherwise;
AUDIT_STRICT=1 also fails when nothing (or not everything) could be checked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

LOCK = "requirements.lock"


def main(pip_audit: str) -> int:
    strict = bool(os.environ.get("AUDIT_STRICT"))
    command = [pip_audit, "-r", LOCK, "--no-deps", "--disable-pip", "--format", "json",
               "--progress-spinner", "off"]  # fmt: skip
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
        report = json.loads(run.stdout)
    except (OSError, subprocess.TimeoutExpired, json.JSONDecodeError):
        print("audit: could not check for known vulnerabilities "
              "(pip-audit could not reach a vulnerability service)")  # fmt: skip
        return 1 if strict else 0
    deps = report.get("dependencies", [])
    skipped = [d["name"] for d in deps if d.get("skip_reason")]
    vulnerable = [f"{d['name']} {d['version']} ({', '.join(v['id'] for v in d['vulns'])})"
                  for d in deps if d.get("vulns")]  # fmt: skip
    checked = len(deps) - len(skipped)
    if vulnerable:
        print(f"audit: KNOWN VULNERABILITIES in {'; '.join(vulnerable)}")
        return 1
    if checked == 0:
        print(f"audit: could not check for known vulnerabilities (the service knew none of "
              f"the {len(deps)} pinned packages; is it reachable from here?)")  # fmt: skip
        return 1 if strict else 0
    note = f"; {len(skipped)} could not be checked: {', '.join(skipped)}" if skipped else ""
    print(f"audit: no known vulnerabilities in {checked} pinned packages{note}")
    return 1 if strict and skipped else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "pip-audit"))
