"""`python -m rasd` runs the command line."""
from rasd.cli.main import entry

entry()
