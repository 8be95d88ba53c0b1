"""`python -m newsfacts` is the `newsfacts` command."""

from .cli import app

app(prog_name="newsfacts")
