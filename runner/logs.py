"""Every log line of the runner names the submission it is about, as a field a log search can filter on.

A task sets the submission it works on for its thread (`submission_context`); lines logged as
"submission %s: ..." (the lifecycle's own, also from its helper threads) carry their id in their arguments.
The filter copies either onto the record as `submission_id`, which the JSON formatter writes out.
"""
import contextlib
import contextvars

_current = contextvars.ContextVar("submission_id", default=None)
PREFIX = "submission %s"


@contextlib.contextmanager
def submission_context(submission_id):
    token = _current.set(str(submission_id))
    try:
        yield
    finally:
        _current.reset(token)


class SubmissionIdFilter:
    """Adds `submission_id` to every record (None when the line is about no submission); never drops a line."""

    def filter(self, record):
        submission_id = _current.get()
        if isinstance(record.msg, str) and record.msg.startswith(PREFIX) and record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            submission_id = str(args[0])
        record.submission_id = submission_id
        return True
