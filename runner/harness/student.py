"""The student's side of the sandbox: runs the submitted code, then answers the grader's requests.

Everything here runs under the student's uid and can be replaced by the student's own code. That is fine:
this side only ever sends data, and the grader decides what the data is worth.
"""
import builtins
import importlib
import io
import linecache
import os
import sys
import traceback

import torch
from protocol import ChannelClosed, MessageReader, write_message

FILENAME = "main.py"
MAX_FIGURES = 5
MAX_FIGURE_BYTES = 1024 * 1024
MAX_DEPTH = 6
MAX_ITEMS = 10_000


def export(value, depth=0):
    """Turns a student value into plain data that survives `torch.load(weights_only=True)`."""
    if depth > MAX_DEPTH:
        return {"__kind__": "object", "class": type(value).__name__, "repr": "…"}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, torch.Tensor):
        return export_tensor(value)
    if isinstance(value, torch.nn.Module):
        return export_module(value)
    if isinstance(value, torch.optim.Optimizer):
        groups = [{k: v for k, v in g.items() if k != "params" and isinstance(v, (int, float, bool, str, tuple))}
                  for g in value.param_groups]
        return {"__kind__": "optimizer", "class": type(value).__name__, "param_groups": groups}
    if type(value).__module__ == "numpy":
        try:
            import numpy
            array = numpy.asarray(value)
            if array.dtype.kind in "biufc":
                return {"__kind__": "ndarray", "data": torch.from_numpy(array.copy()), "dtype": str(array.dtype)}
        except Exception:
            pass
    if isinstance(value, (list, tuple)):
        items = [export(v, depth + 1) for v in list(value)[:MAX_ITEMS]]
        return items if isinstance(value, list) else {"__kind__": "tuple", "items": items}
    if isinstance(value, dict):
        return {"__kind__": "dict", "items": [(export(k, depth + 1), export(v, depth + 1))
                                             for k, v in list(value.items())[:MAX_ITEMS]]}
    return {"__kind__": "object", "class": type(value).__name__, "repr": safe_repr(value)}


def export_tensor(tensor):
    grad = tensor.grad if tensor.is_leaf else None
    if tensor.is_meta:  # no values to copy: the shape, dtype and device are what a check can look at
        data = torch.zeros(tensor.shape, dtype=tensor.dtype)
        grad = None
    else:
        data = tensor.detach().to("cpu", copy=True)
    return {
        "__kind__": "tensor",
        "data": data,
        "device": tensor.device.type,
        "requires_grad": tensor.requires_grad,
        "is_leaf": tensor.is_leaf,
        "grad_fn": type(tensor.grad_fn).__name__ if tensor.grad_fn is not None else None,
        "grad": None if grad is None else grad.detach().to("cpu", copy=True),
    }


def export_module(module):
    parameters = {name: {"requires_grad": p.requires_grad,
                         "grad": None if p.grad is None else p.grad.detach().to("cpu", copy=True),
                         "device": p.device.type}
                  for name, p in module.named_parameters()}
    return {
        "__kind__": "module",
        "class": type(module).__name__,
        "training": module.training,
        "modes": {name or "": m.training for name, m in module.named_modules()},
        "state_dict": {k: v.detach().to("cpu", copy=True) for k, v in module.state_dict().items()},
        "parameters": parameters,
        "repr": safe_repr(module, 2000),
    }


def safe_repr(value, limit=300):
    try:
        text = repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    return text[:limit]


def restore(value):
    """Turns the grader's plain data back into Python values for the student's functions."""
    if isinstance(value, dict) and value.get("__kind__") == "tuple":
        return tuple(restore(v) for v in value["items"])
    if isinstance(value, list):
        return [restore(v) for v in value]
    if isinstance(value, dict) and value.get("__kind__") == "dict":
        return {restore(k): restore(v) for k, v in value["items"]}
    return value


def resolve(namespace, path):
    head, *rest = path.split(".")
    if head not in namespace:
        raise NameError(f"name '{head}' is not defined")
    value = namespace[head]
    for attribute in rest:
        value = getattr(value, attribute)
    return value


def figures():
    if "matplotlib.pyplot" not in sys.modules:
        return []
    plt = sys.modules["matplotlib.pyplot"]
    images = []
    for number in plt.get_fignums()[:MAX_FIGURES]:
        buffer = io.BytesIO()
        plt.figure(number).savefig(buffer, format="png", dpi=90, bbox_inches="tight")
        if buffer.tell() <= MAX_FIGURE_BYTES:
            images.append(torch.frombuffer(bytearray(buffer.getvalue()), dtype=torch.uint8))
    return images


def describe_exception(exc):
    if isinstance(exc, SyntaxError) and exc.filename == FILENAME:
        return {"type": type(exc).__name__, "message": str(exc.msg)[:2000], "line": exc.lineno}
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == FILENAME]
    return {"type": type(exc).__name__, "message": str(exc)[:2000],
            "line": frames[-1].lineno if frames else None}


def print_traceback(exc):
    """Prints the traceback without the harness's own frames, so line numbers point into the editor."""
    if isinstance(exc, SyntaxError) and exc.filename == FILENAME:
        sys.stderr.write("".join(traceback.format_exception_only(type(exc), exc)))
        return
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != FILENAME:
        tb = tb.tb_next
    traceback.print_exception(type(exc), exc, tb if tb is not None else exc.__traceback__, file=sys.stderr)


def run_code(code, namespace):
    linecache.cache[FILENAME] = (len(code), None, code.splitlines(True), FILENAME)
    try:
        exec(compile(code, FILENAME, "exec"), namespace)
    except SystemExit as exc:
        exit_code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
        return {"status": "ok" if exit_code == 0 else "exit", "exit_code": exit_code}
    except BaseException as exc:
        print_traceback(exc)
        return {"status": "exception", "exception": describe_exception(exc)}
    finally:
        flush()
    return {"status": "ok", "exit_code": 0}


def flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def answer(request, namespace):
    op = request["op"]
    if op == "get":
        return export(resolve(namespace, request["name"]))
    if op == "has":
        try:
            resolve(namespace, request["name"])
            return True
        except Exception:
            return False
    if op == "call":
        function = resolve(namespace, request["name"])
        args = [restore(a) for a in request.get("args", [])]
        kwargs = {k: restore(v) for k, v in request.get("kwargs", {}).items()}
        result = function(*args, **kwargs)
        flush()
        return export(result)
    if op == "figures":
        return figures()
    raise ValueError(f"unknown request {op!r}")


def prepare(modules):
    """Imports modules the job's code will use before its clock starts; what fails is the code's to meet."""
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception:
            pass
    return True


def serve(request_fd, response_fd):
    """Entry point of the student process: one 'run' message, then requests until the grader hangs up."""
    sys.stdout.reconfigure(line_buffering=True)
    reader = MessageReader(request_fd)
    try:
        job = reader.wait()
        while job.get("op") == "prepare":
            write_message(response_fd, {"ok": True, "value": prepare(job.get("modules", []))})
            job = reader.wait()
    except ChannelClosed:
        os._exit(0)
    namespace = {"__name__": "__main__", "__builtins__": builtins, "__file__": FILENAME}
    write_message(response_fd, {"event": "finished", **run_code(job["code"], namespace)})
    while True:
        try:
            request = reader.wait()
        except ChannelClosed:
            os._exit(0)
        try:
            reply = {"ok": True, "value": answer(request, namespace)}
        except BaseException as exc:
            flush()
            reply = {"ok": False, "error": describe_exception(exc)}
        write_message(response_fd, reply)
