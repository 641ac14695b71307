"""Where code runs: the device rule (an exercise's `device` → a queue → the device its sandboxes offer), once."""
from courses.models import Device

from .models import Queue


def queue_for(exercise):
    """`gpu` exercises need the GPU queue; `cpu` and `any` run on the CPU queue, which every deployment has."""
    if exercise is not None and exercise.device == Device.GPU:
        return Queue.GPU
    return Queue.CPU


def device_for(queue):
    return "gpu" if queue == Queue.GPU else "cpu"
