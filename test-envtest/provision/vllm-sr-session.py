"""Runs one vllm-sr CLI command on many config files in one process, for the payload tests.

Copied into each vllm-sr venv by router-validators.sh. Arguments: the vllm-sr command words before
the file (e.g. `config validate --config`). Reads one file path per line on stdin and answers each
with one JSON line on stdout: {"exit": <the command's exit code>, "output": "<what it printed>"}.

Why: `vllm-sr config validate` (0.4.0) parses its 1.4 MB built-in model catalog with pure-Python
PyYAML on every start (20-40 s on two cores). In one process the CLI's own lru_caches keep the
parsed catalog, so each further file takes well under a second. The command runs unchanged through
click's CliRunner, the same code path and exit code as `vllm-sr <command> <file>`.
"""
import json
import sys

from click.testing import CliRunner

from cli.main import main


def answer(runner, command, path):
    result = runner.invoke(main, [*command, path])
    output = result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        output += f"\nvllm-sr raised {type(result.exception).__name__}: {result.exception}\n"
    return {"exit": result.exit_code, "output": output}


def run():
    command = sys.argv[1:]
    if not command:
        sys.exit("usage: vllm-sr-session <vllm-sr command words before the file>, file paths on stdin")
    runner = CliRunner()
    for line in sys.stdin:
        path = line.rstrip("\n")
        if path:
            print(json.dumps(answer(runner, command, path)), flush=True)


if __name__ == "__main__":
    run()
