"""`python -m awsmini`: the console script's entry; nothing else."""
from awsmini.console import entry

entry()
