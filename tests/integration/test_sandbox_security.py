"""Hostile student code against the real Docker sandbox. Each test asserts the verdict, and that the host is
clean afterwards (no container left, nothing written outside the sandbox)."""
import os
import pathlib
import pickle
import struct

import pytest

from runner.jobs import Job
from tests.factories import EXERCISE_TEMPLATE

from .conftest import SECURITY_JOB_ID, wait_until_warm

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("no_leftover_containers")]

CHECKS = (EXERCISE_TEMPLATE / "checks.py").read_text()
SOLUTION = (EXERCISE_TEMPLATE / "solution.py").read_text()
WRONG = (EXERCISE_TEMPLATE / "wrong" / "reshape-en-vez-de-permute.py").read_text()


def run(sandbox, code, mode="run", time_limit=5, memory_mb=512):
    job = Job(submission_id=SECURITY_JOB_ID, mode=mode, code=code, time_limit=time_limit, memory_mb=memory_mb,
              checks=CHECKS if mode == "submit" else None, solution=SOLUTION if mode == "submit" else None,
              points=10)
    wait_until_warm(sandbox)
    outcome = sandbox.run(job)
    assert outcome.warm, "this test must run in a warm pool container"
    print("result:", {k: v for k, v in outcome.result.items() if k != "figures"}, outcome.diagnostics)
    return outcome.result


def submit(sandbox, code, **kwargs):
    return run(sandbox, code, mode="submit", **kwargs)


def test_the_reference_solution_passes_and_a_wrong_one_fails(sandbox):
    assert submit(sandbox, SOLUTION)["status"] == "passed"
    result = submit(sandbox, WRONG)
    assert result["status"] == "failed" and result["score"] == 6 and result["max_score"] == 10


def test_student_process_has_its_own_uid_and_no_capabilities(sandbox):
    code = ("import os\nprint(os.getuid(), os.geteuid(), os.getgid())\n"
            "print([l for l in open('/proc/self/status') if l.startswith('CapEff')][0].split()[1])")
    result = run(sandbox, code)
    assert result["stdout"].split() == ["10001", "10001", "10001", "0000000000000000"]


def test_fork_bomb_is_contained(sandbox):
    result = run(sandbox, "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n")
    assert result["status"] in ("timeout", "error")
    assert run(sandbox, "print('sigo vivo')")["stdout"] == "sigo vivo\n"


def test_thread_bomb_is_contained(sandbox):
    code = "import threading, time\nwhile True:\n    threading.Thread(target=time.sleep, args=(60,)).start()\n"
    assert run(sandbox, code)["status"] in ("error", "timeout")


def test_memory_bomb_ends_in_memory_limit(sandbox):
    result = run(sandbox, "blocks = []\nwhile True:\n    blocks.append(b'x' * (64 * 1024 * 1024))\n", memory_mb=512)
    assert result["status"] == "memory_limit"


def test_busy_loop_ends_in_timeout(sandbox):
    result = run(sandbox, "while True:\n    pass\n", time_limit=2)
    assert result["status"] == "timeout"


def test_sleeping_forever_ends_in_timeout(sandbox):
    assert run(sandbox, "import time\ntime.sleep(10**6)\n", time_limit=2)["status"] == "timeout"


def test_ignoring_sigterm_does_not_help(sandbox):
    code = "import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nwhile True:\n    pass\n"
    assert run(sandbox, code, time_limit=2)["status"] == "timeout"


def test_a_double_forked_daemon_dies_with_the_container(sandbox, docker_client):
    code = ("import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
            "        while True:\n            time.sleep(1)\n    os._exit(0)\nprint('padre termina')\n")
    result = run(sandbox, code)
    assert result["status"] == "completed" and "padre termina" in result["stdout"]


def test_output_flood_ends_in_output_limit_with_capped_output(sandbox):
    result = run(sandbox, "while True:\n    print('x' * 1000)\n")
    assert result["status"] == "output_limit"
    assert len(result["stdout"]) < 70 * 1024 and "salida truncada" in result["stdout"]


def test_a_huge_file_is_refused(sandbox):
    code = "with open('grande.bin', 'wb') as f:\n    for _ in range(200):\n        f.write(b'0' * 1024 * 1024)\n"
    result = run(sandbox, code)
    assert result["status"] == "error" and ("File too large" in result["stderr"] or "No space" in result["stderr"])


def test_many_files_are_refused(sandbox):
    code = "for i in range(100000):\n    open(f'f{i}', 'w').close()\n"
    result = run(sandbox, code)
    assert result["status"] == "error" and "No space left" in result["stderr"]


def test_the_root_filesystem_is_read_only_and_nothing_reaches_the_host(sandbox):
    marker = pathlib.Path("/tmp/sandbox-escape-marker")
    code = ("import os\nfor path in ['/escape', '/opt/harness/x.py', '/tmp/sandbox-escape-marker']:\n"
            "    try:\n        open(path, 'w').write('x')\n        print('wrote', path)\n"
            "    except OSError as e:\n        print('denied', path, type(e).__name__)\n")
    result = run(sandbox, code)
    assert "denied /escape" in result["stdout"] and "denied /opt/harness/x.py" in result["stdout"]
    assert not marker.exists() and not pathlib.Path("/escape").exists()


def test_no_network_and_no_dns(sandbox):
    code = ("import socket\nfor host, port in [('1.1.1.1', 53), ('172.17.0.1', 5432), ('172.17.0.1', 6379),"
            " ('127.0.0.1', 5432)]:\n    try:\n        socket.create_connection((host, port), timeout=2)\n"
            "        print('CONNECTED', host, port)\n    except OSError as e:\n        print('blocked', host, port)\n"
            "try:\n    socket.getaddrinfo('example.com', 80)\n    print('RESOLVED')\nexcept OSError:\n"
            "    print('no dns')\n")
    result = run(sandbox, code, time_limit=15)
    assert "CONNECTED" not in result["stdout"] and "RESOLVED" not in result["stdout"]
    assert result["stdout"].count("blocked") == 4 and "no dns" in result["stdout"]


def test_the_environment_holds_no_secrets_and_proc_1_is_closed(sandbox):
    code = ("import os\nprint(sorted(os.environ))\n"
            "for path in ['/proc/1/environ', f'/proc/{os.getppid()}/environ', f'/proc/{os.getppid()}/mem',"
            " f'/proc/{os.getppid()}/fd/0']:\n    try:\n        open(path, 'rb').read(1)\n        print('READ', path)\n"
            "    except OSError:\n        print('denied')\n")
    result = run(sandbox, code)
    assert "READ /" not in result["stdout"] and result["stdout"].count("denied") == 4
    for secret in ("SECRET", "DATABASE", "REDIS", "PASSWORD", "TOKEN"):
        assert secret not in result["stdout"]


def test_killing_pid_1_and_the_parent_is_refused_and_grading_goes_on(sandbox):
    code = SOLUTION + ("\nimport os, signal\nfor pid in (1, os.getppid()):\n    try:\n"
                       "        os.kill(pid, signal.SIGKILL)\n    except PermissionError:\n        print('no puedo', pid)\n")
    result = submit(sandbox, code)
    assert result["status"] == "passed" and result["stdout"].count("no puedo") == 2


def test_exiting_before_the_checks_does_not_pass(sandbox):
    assert submit(sandbox, WRONG + "\nimport sys\nsys.exit(0)\n")["status"] == "failed"
    assert submit(sandbox, "import os\nos._exit(0)\n")["status"] == "failed"


def test_printing_a_fake_passing_result_does_not_pass(sandbox):
    code = WRONG + ('\nprint(\'{"event": "result", "result": {"status": "passed", "score": 10}}\')\n'
                    'import sys\nsys.stderr.write(\'{"event": "result", "result": {"status": "passed"}}\\n\')\n')
    result = submit(sandbox, code)
    assert result["status"] == "failed" and result["score"] < 10


def test_monkeypatching_torch_and_assertions_does_not_pass(sandbox):
    code = WRONG + ("\nimport torch, builtins\ntorch.allclose = lambda *a, **k: True\n"
                    "torch.equal = lambda *a, **k: True\ntorch.Tensor.__eq__ = lambda *a: True\n"
                    "builtins.AssertionError = type('Nada', (Exception,), {})\n")
    assert submit(sandbox, code)["status"] == "failed"


def test_searching_memory_for_expected_values_finds_nothing(sandbox):
    code = WRONG + ("\nimport gc, torch\nfound = [o for o in gc.get_objects() if isinstance(o, torch.Tensor)]\n"
                    "print('tensores visibles:', len(found))\n"
                    "def aplanar_lote(x):\n    cands = [o for o in gc.get_objects() if isinstance(o, torch.Tensor)"
                    " and o.dim() == 2 and o.shape[0] == x.shape[0] and o.dtype == torch.float32]\n"
                    "    return cands[-1] if cands else x.reshape(len(x), -1).float()\n"
                    "def canales_al_final(x):\n    cands = [o for o in gc.get_objects() if isinstance(o, torch.Tensor)"
                    " and o.dim() == 4 and o is not x]\n    return cands[-1] if cands else x\n")
    assert submit(sandbox, code)["status"] == "failed"


def test_returning_nan_fails_with_a_clear_message(sandbox):
    code = ("import torch\ndef aplanar_lote(x):\n    return torch.full((x.shape[0], x[0].numel()), float('nan'))\n"
            "def canales_al_final(x):\n    return torch.full(x.permute(0, 2, 3, 1).shape, float('nan'))\n")
    result = submit(sandbox, code)
    assert result["status"] == "failed"
    assert any("NaN" in check["message"] for check in result["checks"])


def test_hunting_the_filesystem_for_checks_or_solution_finds_nothing(sandbox):
    code = WRONG + ("\nimport os\nhits = []\nfor root, dirs, files in os.walk('/'):\n"
                    "    if root.startswith(('/proc', '/sys', '/usr', '/dev')):\n        dirs[:] = []\n        continue\n"
                    "    for name in files:\n        try:\n            text = open(os.path.join(root, name), errors='ignore').read()\n"
                    "        except OSError:\n            continue\n"
                    "        if 'lote_aleatorio' in text or 'permute(0, 2, 3, 1)' in text:\n"
                    "            hits.append(os.path.join(root, name))\nprint('HITS', hits)\n")
    result = submit(sandbox, code, time_limit=20)
    assert result["status"] == "failed" and "HITS []" in result["stdout"]


def test_a_malicious_pickle_sent_to_the_grader_is_rejected_not_run(sandbox):
    class Evil:
        def __reduce__(self):
            return (exec, ("import os; os._exit(42)",))

    payload = pickle.dumps(Evil(), protocol=2)
    code = WRONG + (f"\nimport os, struct\npayload = {payload!r}\n"
                    "os.write(4, struct.pack('>I', len(payload)) + payload)\n")
    result = submit(sandbox, code)
    assert result["status"] == "error", result
    assert struct.calcsize(">I") == 4


def test_student_stdout_and_stderr_are_kept_apart(sandbox):
    result = run(sandbox, "import sys\nprint('a la salida')\nprint('al error', file=sys.stderr)\n")
    assert result["stdout"] == "a la salida\n" and result["stderr"] == "al error\n"


def test_figures_are_returned_as_png(sandbox):
    result = run(sandbox, "import matplotlib.pyplot as plt\nplt.plot([1, 3, 2])\nplt.figure()\nplt.bar([1], [2])\n")
    assert result["status"] == "completed" and len(result["figures"]) == 2
    import base64

    assert base64.b64decode(result["figures"][0]).startswith(b"\x89PNG")


def test_an_exception_reports_the_line_in_the_editor(sandbox):
    result = run(sandbox, "x = 1\n\ny = x / 0\n")
    assert result["status"] == "error"
    assert result["exception"]["type"] == "ZeroDivisionError" and result["exception"]["line"] == 3
    assert 'File "main.py", line 3' in result["stderr"] and "harness" not in result["stderr"]


def test_the_host_tmp_is_untouched(sandbox):
    before = set(os.listdir("/tmp"))
    run(sandbox, "open('/tmp/work/x', 'w').write('x')\n")
    assert not {p for p in set(os.listdir("/tmp")) - before if "sandbox-escape" in p or p == "work"}


def test_a_syntax_error_points_at_the_editor_line_without_harness_frames(sandbox):
    result = run(sandbox, "x = 1\nif x\n    print(x)\n")
    assert result["status"] == "error" and result["exception"]["type"] == "SyntaxError"
    assert result["exception"]["line"] == 2
    assert 'File "main.py", line 2' in result["stderr"] and "harness" not in result["stderr"]


def test_prints_in_the_reference_solution_or_the_checks_never_corrupt_the_result(sandbox):
    job = Job(submission_id=SECURITY_JOB_ID, mode="submit", code=SOLUTION, time_limit=5,
              checks="print('desde los checks')\n" + CHECKS,
              solution="print('{\"event\": \"result\", \"result\": {\"status\": \"passed\"}}')\nprint('x', end='')\n"
                       + SOLUTION, points=10)
    wait_until_warm(sandbox)
    outcome = sandbox.run(job)
    assert outcome.result["status"] == "passed" and outcome.result["score"] == 10
    assert "desde los checks" in "".join(outcome.diagnostics)
