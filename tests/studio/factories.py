"""Rows of the studio's own tables, for tests that need one without going through a page."""
import factory

from studio.models import BlockRun, Status


class BlockRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BlockRun

    blocks = factory.LazyFunction(lambda: [{"number": 1, "line": 3, "code": "print(1)\n"}])
    status = Status.QUEUED
