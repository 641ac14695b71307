"""The public REST API over what is taught and learned: catalogue, practice, progress, classes, personal tokens.

Shared pieces (authentication, throttles, pagination, error documentation) live here too, because `courses` is
the layer every other app may import.
"""
