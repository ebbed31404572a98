"""Command line: `python -m wizard recommend|plan|check`. Bad input -> message on stderr,
exit code 2, never a traceback (set PARTWAYS_DEBUG=1 to see one for an internal error)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from wizard.answers import DATE_MAX, DATE_MIN, Answers, AnswersError, load_answers
from wizard.content import CONTENT_DIR, ContentError, load_content
from wizard.dates import DateRangeError
from wizard.safe_yaml import MAX_BYTES

EXIT_BAD_INPUT = 2
# Set (to anything) to let an unexpected error raise with its traceback; the tests set it
# so that a programming error fails them instead of passing as "exit 2".
DEBUG_ENV = "PARTWAYS_DEBUG"


class CliError(Exception):
    pass


def _read_answers(path: str) -> Answers:
    file = Path(path)
    try:
        if file.stat().st_size > MAX_BYTES:
            raise CliError(f"{path}: the file is larger than {MAX_BYTES // 1_000_000} MB")
        data = file.read_bytes()
    except OSError as exc:
        raise CliError(f"{path}: cannot read the file ({exc.strerror})") from None
    try:
        return load_answers(data)
    except AnswersError as exc:
        raise CliError(f"{path}: {exc}") from None


def _content(directory: str | None):
    try:
        return load_content(directory or CONTENT_DIR)
    except ContentError as exc:
        raise CliError(f"content problem: {exc}") from None


def cmd_recommend(args: argparse.Namespace) -> int:
    from wizard.engine import recommend

    answers = _read_answers(args.file)
    rec = recommend(answers, _content(args.content), today=args.today)
    if args.json:
        print(json.dumps(rec.contract_json(), indent=2, ensure_ascii=False))
        return 0
    print(f"Strategy:        {rec.strategy}")
    print(f"Readiness:       {rec.readiness}")
    print(f"First channel:   {rec.channel}")
    print(f"Follow-up call:  {'yes' if rec.follow_up_call else 'no'}")
    print(f"Written notice:  {'yes' if rec.written_notice else 'no'}")
    print(f"Notice date:     {rec.notice_date}")
    condition = " (if the court allows)" if rec.effective_condition else ""
    print(f"Effective date:  {rec.effective_date}{condition}")
    print(f"Notice days:     {rec.notice_days} (at least {rec.notice_days_minimum})")
    print("Scores:          " + ", ".join(f"{k} {v:g}" for k, v in rec.scores.items()))
    print(f"Constraints:     {', '.join(rec.constraints) or 'none'}")
    print("Reasons:")
    for reason in rec.reasons:
        print(f"  - {reason}")
    if rec.warnings:
        print("Warnings:")
        for warning in rec.warnings:
            print(f"  - {warning}")
    return 0


# What `plan -o` writes, by the output name's extension.
FORMATS = {".pdf": "PDF", ".docx": "Word file", ".ics": "calendar"}


def _output_format(output: str) -> str:
    suffix = Path(output).suffix.lower()
    if suffix not in FORMATS or not Path(output).stem:
        raise CliError(
            f"{output}: the output name must end in .pdf, .docx or .ics "
            "(the extension chooses what is written)"
        )
    return suffix


def _render(plan, suffix: str) -> bytes:
    if suffix == ".docx":
        from wizard.exports.word import render_docx

        return render_docx(plan)
    if suffix == ".ics":
        from wizard.exports.calendar_file import render_ics

        return render_ics(plan)
    try:
        from wizard.pdf import render_pdf
    except ImportError:
        raise CliError("the PDF renderer is not available in this build") from None
    return render_pdf(plan)


def cmd_plan(args: argparse.Namespace) -> int:
    from wizard.plan import build_plan

    if args.output is None and not args.json:
        raise CliError("give an output file with -o (plan.pdf, plan.docx or plan.ics) or --json")
    suffix = _output_format(args.output) if args.output else ""
    answers = _read_answers(args.file)
    content = _content(args.content)
    plan = build_plan(answers, content, today=args.today)
    if args.message_file:
        try:
            raw = Path(args.message_file).read_bytes()
            if len(raw) > MAX_BYTES:
                raise CliError(f"{args.message_file}: the message is larger than 1 MB")
            plan = plan.with_message_body(raw.decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"{args.message_file}: cannot read the message ({exc})") from None
    if args.json:
        print(plan.model_dump_json(indent=2))
    if not args.output:
        return 0
    data = _render(plan, suffix)
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        raise CliError(
            f"{args.output}: cannot write the {FORMATS[suffix]} ({exc.strerror})"
        ) from None
    # With --json, stdout holds the JSON alone.
    print(f"Wrote {args.output} ({len(data) // 1024} KB)", file=sys.stderr if args.json else None)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    content = _content(args.content)
    questions = sum(len(step.questions) for step in content.questions.steps)
    rules = content.rules
    print(
        f"Content OK: {len(content.questions.steps)} steps, {questions} questions, "
        f"{len(rules.constraints)} constraints, {len(rules.scoring)} scoring rules, "
        f"{content.template_count()} templates."
    )
    return 0


def _plan_date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("write the plan date as YYYY-MM-DD") from None
    if not DATE_MIN <= day <= DATE_MAX:
        raise argparse.ArgumentTypeError(
            f"the plan date must lie between {DATE_MIN} and {DATE_MAX}"
        )
    return day


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m wizard", description=__doc__)
    parser.add_argument("--content", help="content folder (default: the bundled content/)")
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("recommend", help="print the recommendation for an answers file")
    rec.add_argument("file")
    rec.add_argument("--json", action="store_true", help="print the contract's JSON object")
    rec.add_argument("--today", type=_plan_date, help="the plan date, YYYY-MM-DD (default: today)")
    rec.set_defaults(run=cmd_recommend)
    plan = sub.add_parser("plan", help="write the exit plan (PDF, Word or calendar)")
    plan.add_argument("file")
    plan.add_argument(
        "-o", "--output", help="where to write it: plan.pdf, plan.docx or plan.ics (by extension)"
    )
    plan.add_argument("--json", action="store_true", help="print the whole plan as JSON")
    plan.add_argument("--message-file", help="use this text as the message draft")
    plan.add_argument("--today", type=_plan_date, help="the plan date, YYYY-MM-DD (default: today)")
    plan.set_defaults(run=cmd_plan)
    check = sub.add_parser("check", help="validate all content files")
    check.set_defaults(run=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    where = f"{args.file}: " if getattr(args, "file", None) else ""
    try:
        return args.run(args)
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except (DateRangeError, OverflowError):
        # Dates are bounded when the file loads; this is the second line of defence.
        print(
            f"error: {where}a date is too far away to plan with; keep every date between "
            f"{DATE_MIN} and {DATE_MAX}",
            file=sys.stderr,
        )
    except Exception:
        if os.environ.get(DEBUG_ENV):
            raise
        # One line, and nothing from the file: the user's text stays out of terminals
        # and logs that collect stderr.
        print(
            f"error: {where}an internal problem stopped Partways; please report it "
            f"(run again with {DEBUG_ENV}=1 to see the details)",
            file=sys.stderr,
        )
    return EXIT_BAD_INPUT
