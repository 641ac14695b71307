"""What the worker stores is rebuilt field by field from the harness's report, capped and database-safe."""
from runner import results
from runner.sandbox import EventStream


def test_nul_and_lone_surrogates_are_replaced():
    assert results.safe_text("a\x00b\udcffc", 100) == "a\\x00b\ufffdc"


def test_text_is_capped_with_a_marker():
    text = results.safe_text("x" * 1000, 10)
    assert text.startswith("x" * 10) and "truncada" in text and len(text) < 40


def test_an_unknown_status_is_the_platforms_fault():
    assert results.clean({"status": "passed-trust-me"})["status"] == "system_error"


def test_figures_must_be_base64_strings_and_at_most_five():
    good = "iVBORw0KGgo="
    assert results.clean({"figures": [good] * 9 + [3, "<script>"]})["figures"] == [good] * 5


def test_checks_keep_only_their_known_fields_with_booleans_that_are_booleans():
    check = results.clean({"checks": [{"name": "n", "passed": "yes", "message": 5, "points": "10", "x": 1}]})
    assert check["checks"] == [{"name": "n", "passed": False, "message": "5", "points": 0, "max_points": 0,
                                "duration_ms": None}]


def test_the_event_stream_skips_lines_that_are_not_json_and_never_raises():
    events = []
    stream = EventStream(events.append)
    stream.feed(b'no json\n[1, 2]\n{"event": "stdout", "data": "hola\\u0000"}\n{"event": "result", "result": 5}\n')
    stream.feed(b'{"event": "result", "result": {"status": "passed"}}\n')
    assert stream.result == {"status": "passed"} and events == [{"event": "stdout", "data": "hola\\x00"}]


def test_an_event_stream_past_its_limit_is_marked_overflowed(monkeypatch):
    monkeypatch.setattr("runner.sandbox.MAX_EVENT_BYTES", 10)
    stream = EventStream(None)
    stream.feed(b'{"event": "stdout", "data": "' + b"x" * 50 + b'"}\n')
    assert stream.overflowed and stream.done and stream.result is None
