"""The check API for exercise authors. Checks run in the grader process, never in the student's.

A `checks.py` of an exercise looks like:

    @check("normalizar devuelve media 0", points=2)
    def media_cero(student, reference):
        x = torch.randn(8, 3) * 5 + 2
        out = student.call("normalizar", x)
        expect_shape(out, (8, 3), "el resultado")
        expect_close(out, reference.normalizar(x), "el resultado")

`student` talks to the student's process (values and calls cross as plain data); `reference` is the exercise's
solution.py, executed here in the grader. Messages are Spanish and say what is wrong without giving the answer.
"""
import ast
import math
from dataclasses import dataclass, field

import torch

_registry = []


class CheckFailed(Exception):
    """A check's expectation did not hold; its message is shown to the student."""


class StudentError(Exception):
    """The student's code raised while the grader used it; carries the student's exception."""

    def __init__(self, name, error):
        self.error = error
        line = f" (línea {error['line']})" if error.get("line") else ""
        super().__init__(f"Al usar `{name}` tu código lanzó {error['type']}: {error['message']}{line}")


@dataclass
class Check:
    name: str
    points: float
    function: object


def check(name, points=1):
    def register(function):
        _registry.append(Check(name, points, function))
        return function
    return register


def registered_checks():
    return list(_registry)


def reset_registry():
    _registry.clear()


# ---- values that came from the student's process ----

@dataclass
class StudentModule:
    class_name: str
    training: bool
    modes: dict
    state_dict: dict
    parameters: dict
    repr: str = ""

    def grads(self):
        return {name: info["grad"] for name, info in self.parameters.items()}


@dataclass
class StudentObject:
    class_name: str
    repr: str
    extra: dict = field(default_factory=dict)


def restore(value):
    """Builds grader-side values from the plain data the student process exported."""
    if isinstance(value, list):
        return [restore(v) for v in value]
    if not isinstance(value, dict) or "__kind__" not in value:
        return value
    kind = value["__kind__"]
    if kind == "tensor":
        tensor = value["data"]
        tensor.student_device = value["device"]
        tensor.student_requires_grad = value["requires_grad"]
        tensor.student_grad = value["grad"]
        tensor.student_grad_fn = value["grad_fn"]
        return tensor
    if kind == "ndarray":
        return value["data"].numpy()
    if kind == "tuple":
        return tuple(restore(v) for v in value["items"])
    if kind == "dict":
        return {restore(k): restore(v) for k, v in value["items"]}
    if kind == "module":
        return StudentModule(value["class"], value["training"], value["modes"], value["state_dict"],
                             value["parameters"], value.get("repr", ""))
    if kind == "optimizer":
        return StudentObject(value["class"], value["class"], {"param_groups": value["param_groups"]})
    return StudentObject(value.get("class", "?"), value.get("repr", ""))


def export(value):
    """Grader values sent to the student's functions: tensors, numbers, strings and containers of them."""
    if isinstance(value, tuple):
        return {"__kind__": "tuple", "items": [export(v) for v in value]}
    if isinstance(value, list):
        return [export(v) for v in value]
    if isinstance(value, dict):
        return {"__kind__": "dict", "items": [(export(k), export(v)) for k, v in value.items()]}
    if isinstance(value, torch.Tensor):
        return value.detach().clone()
    return value


# ---- expectations ----

def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def _describe(name):
    return f"`{name}`" if name else "el valor"


def expect_tensor(value, name=None):
    expect(isinstance(value, torch.Tensor),
           f"{_describe(name)} debería ser un tensor de PyTorch, pero es {type(value).__name__}.")


def expect_shape(value, shape, name=None):
    expect_tensor(value, name)
    expect(tuple(value.shape) == tuple(shape),
           f"{_describe(name)} tiene forma {tuple(value.shape)}, se esperaba {tuple(shape)}.")


def expect_dtype(value, dtype, name=None):
    expect_tensor(value, name)
    expect(value.dtype == dtype, f"{_describe(name)} tiene dtype {value.dtype}, se esperaba {dtype}.")


def expect_device(value, device_type, name=None):
    actual = getattr(value, "student_device", None) or (value.device.type if isinstance(value, torch.Tensor) else None)
    expect(actual == device_type, f"{_describe(name)} está en el dispositivo '{actual}', se esperaba '{device_type}'.")


def expect_requires_grad(value, expected=True, name=None):
    expect_tensor(value, name)
    actual = getattr(value, "student_requires_grad", value.requires_grad)
    if expected:
        expect(actual, f"{_describe(name)} debería tener requires_grad=True para que autograd siga sus operaciones.")
    else:
        expect(not actual, f"{_describe(name)} no debería registrar gradientes (requires_grad=False).")


def _as_tensor(value, name):
    if isinstance(value, torch.Tensor):
        return value
    if isinstance(value, (int, float, bool)):
        return torch.tensor(float(value))
    try:
        return torch.as_tensor(value, dtype=torch.float64)
    except Exception:
        raise CheckFailed(
            f"{_describe(name)} debería ser un número o un tensor, pero es {type(value).__name__}.") from None


def expect_finite(value, name=None):
    tensor = _as_tensor(value, name)
    if tensor.is_floating_point() or tensor.is_complex():
        expect(bool(torch.isfinite(tensor).all()), f"{_describe(name)} contiene NaN o infinito.")


def expect_close(actual, expected, name=None, rtol=1e-4, atol=1e-5):
    actual_tensor = _as_tensor(actual, name)
    expected_tensor = _as_tensor(expected, None)
    expect(tuple(actual_tensor.shape) == tuple(expected_tensor.shape),
           f"{_describe(name)} tiene forma {tuple(actual_tensor.shape)}, se esperaba {tuple(expected_tensor.shape)}.")
    expect_finite(actual_tensor, name)
    ok = torch.allclose(actual_tensor.to(torch.float64), expected_tensor.to(torch.float64), rtol=rtol, atol=atol)
    expect(ok, f"{_describe(name)} no tiene los valores esperados.")


def expect_number(value, name=None):
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        value = value.item()
    expect(isinstance(value, (int, float)) and not isinstance(value, bool),
           f"{_describe(name)} debería ser un número, pero es {type(value).__name__}.")
    expect(math.isfinite(value), f"{_describe(name)} es NaN o infinito.")
    return float(value)


def expect_plain_number(value, name=None):
    """A Python int or float, not a tensor: a value meant for logs or plots must not keep a graph alive."""
    expect(not isinstance(value, torch.Tensor),
           f"{_describe(name)} debería ser un número de Python (usa `.item()`), pero es un tensor.")
    return expect_number(value, name)


def expect_decreased(losses, name="la pérdida", min_ratio=0.9):
    """The last value must be at most `min_ratio` times the first (a loss that really went down)."""
    values = [expect_number(v, name) for v in list(losses)]
    expect(len(values) >= 2, f"{_describe(name)} debería tener al menos dos valores registrados.")
    expect(values[-1] <= values[0] * min_ratio,
           f"{_describe(name)} no bajó lo suficiente: empezó en {values[0]:.4g} y terminó en {values[-1]:.4g}.")


def expect_module(value, name=None):
    expect(isinstance(value, StudentModule), f"{_describe(name)} debería ser un nn.Module.")


def expect_eval_mode(module, name="el modelo"):
    expect_module(module, name)
    expect(not any(module.modes.values()),
           f"{_describe(name)} sigue en modo entrenamiento: llama a .eval() antes de evaluar.")


def expect_train_mode(module, name="el modelo"):
    expect_module(module, name)
    expect(module.training, f"{_describe(name)} está en modo evaluación: llama a .train() antes de entrenar.")


def expect_grads_zeroed(module, name="el modelo"):
    expect_module(module, name)
    leftover = [n for n, g in module.grads().items() if g is not None and bool(g.abs().sum() > 0)]
    expect(not leftover, f"Los gradientes de {_describe(name)} no se pusieron a cero ({', '.join(leftover[:3])}).")


# ---- the method, where the method is the lesson ----

class Source:
    """The submitted code as text, parsed once; checks ask what it imports and calls.

    The text is what the student submitted, not anything the student's process reported, so it can be trusted
    to be the code that ran. Names are matched on the syntax tree, so comments and strings do not count.
    """

    def __init__(self, text):
        self.text = text or ""
        try:
            self.tree = ast.parse(self.text)
        except SyntaxError:
            self.tree = ast.Module(body=[], type_ignores=[])
        self.imports = set()
        self.calls = set()
        self.names = set()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                self.imports.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                self.imports.add(node.module)
            elif isinstance(node, ast.Call):
                self.calls.add(_dotted(node.func))
            elif isinstance(node, ast.Attribute):
                self.names.add(node.attr)
            elif isinstance(node, ast.Name):
                self.names.add(node.id)
        self.calls.discard("")

    def imports_module(self, module):
        """True if `module` or any submodule of it is imported (`sklearn` matches `sklearn.linear_model`)."""
        return any(name == module or name.startswith(module + ".") for name in self.imports)

    def calls_name(self, name):
        """True if some call ends in `name` (`backward` matches `loss.backward()`; `torch.load` matches itself)."""
        return any(call == name or call.endswith("." + name) for call in self.calls)

    def mentions(self, name):
        return name in self.names


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    elif parts:
        parts.append("")
    return ".".join(reversed(parts)).lstrip(".")


def expect_no_import(source, module, message):
    expect(not source.imports_module(module), message)


def expect_calls(source, name, message):
    expect(source.calls_name(name), message)


def expect_no_call(source, name, message):
    expect(not source.calls_name(name), message)


__all__ = [
    "Source", "expect_no_import", "expect_calls", "expect_no_call", "expect_plain_number",
    "check", "CheckFailed", "StudentModule", "StudentObject", "expect", "expect_tensor", "expect_shape",
    "expect_dtype", "expect_device", "expect_requires_grad", "expect_finite", "expect_close", "expect_number",
    "expect_decreased", "expect_module", "expect_eval_mode", "expect_train_mode", "expect_grads_zeroed",
]
