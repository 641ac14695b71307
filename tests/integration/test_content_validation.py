"""The course proves itself in the real sandbox: solutions pass, wrong attempts fail, runnable blocks run."""
import io
import re

import pytest
from django.core.management import call_command

from tests.factories import REAL_CONTENT

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_validate_content_reports_zero_problems_for_the_whole_course(sandbox, capsys):
    call_command("sync_content", str(REAL_CONTENT), verbosity=0)
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("validate_content", "--run", stdout=out, stderr=err)
    finally:
        print(err.getvalue())
    lines = out.getvalue().strip().splitlines()
    with capsys.disabled():
        print("\n" + "\n".join(lines[-3:]))  # the summary and the wall time, in CI's log
    summary = next(line for line in lines if " exercises: " in line)
    match = re.fullmatch(r"(\d+) exercises: \1 solutions pass, (\d+) wrong attempts fail, 0 problems", summary)
    assert match, f"{summary}\n{err.getvalue()}"
    assert int(match.group(2)) >= 2 * int(match.group(1))
