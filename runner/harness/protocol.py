"""Framing and safe serialisation for the pipe between the grader and the student process.

Every message is a 4-byte big-endian length followed by a `torch.save` payload. The grader loads what the
student sends with `weights_only=True`, so only tensors, numbers, strings, lists, tuples and dicts can cross:
a crafted pickle is rejected, never executed.
"""
import io
import os
import select
import struct
import time

import torch

MAX_MESSAGE_BYTES = 64 * 1024 * 1024
HEADER = struct.Struct(">I")


class ProtocolError(Exception):
    """The other side sent something that is not a valid message."""


class ChannelClosed(ProtocolError):
    """The other side closed its end of the pipe (it exited or crashed)."""


class ChannelTimeout(Exception):
    """No complete message arrived before the deadline."""


def encode(obj) -> bytes:
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    payload = buffer.getvalue()
    return HEADER.pack(len(payload)) + payload


def decode(payload: bytes):
    try:
        return torch.load(io.BytesIO(payload), weights_only=True, map_location="cpu")
    except Exception as exc:  # any failure to unpickle safely is the sender's fault
        raise ProtocolError(f"mensaje no válido: {type(exc).__name__}") from None


def write_message(fd: int, obj) -> None:
    data = encode(obj)
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


class MessageReader:
    """Accumulates bytes from a non-blocking pipe and yields whole messages."""

    def __init__(self, fd: int):
        self.fd = fd
        self.buffer = bytearray()
        self.closed = False

    def feed(self) -> None:
        try:
            chunk = os.read(self.fd, 1 << 20)
        except BlockingIOError:
            return
        if not chunk:
            self.closed = True
        self.buffer += chunk

    def next_message(self):
        if len(self.buffer) < HEADER.size:
            if self.closed:
                raise ChannelClosed("el proceso terminó")
            return None
        (length,) = HEADER.unpack_from(self.buffer)
        if length > MAX_MESSAGE_BYTES:
            raise ProtocolError("mensaje demasiado grande")
        if len(self.buffer) < HEADER.size + length:
            if self.closed:
                raise ChannelClosed("el proceso terminó a mitad de un mensaje")
            return None
        payload = bytes(self.buffer[HEADER.size:HEADER.size + length])
        del self.buffer[:HEADER.size + length]
        return decode(payload)


    def wait(self, deadline: float | None = None):
        """Blocks until a whole message arrives; for a side with nothing else to do meanwhile."""
        while True:
            message = self.next_message()
            if message is not None:
                return message
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                raise ChannelTimeout()
            self.feed()
