"""Where code runs: the device rule (an exercise's `device` → a queue → the device its sandboxes offer), once."""
from courses.models import Device

from . import telemetry
from .models import Queue


def queue_for(exercise):
    """The queue an exercise's code needs: `gpu` exercises the GPU queue; `cpu` and `any` fit the CPU queue,
    which every deployment has. Content validation and scratch runs use this fixed rule."""
    if exercise is not None and exercise.device == Device.GPU:
        return Queue.GPU
    return Queue.CPU


def queue_for_submission(exercise):
    """Where a new submission goes: as `queue_for`, except that `any` exercises take the GPU queue while a GPU
    worker is alive (its heartbeat is fresh), so a deployment with GPUs uses them and one without never waits."""
    if exercise is not None and exercise.device == Device.ANY and gpu_worker_alive():
        return Queue.GPU
    return queue_for(exercise)


def gpu_worker_alive():
    return bool(telemetry.live_workers(Queue.GPU))


def device_for(queue):
    return "gpu" if queue == Queue.GPU else "cpu"
