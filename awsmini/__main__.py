"""`python -m awsmini`: exits with the int that main() returns; nothing else."""
import sys

from awsmini.main import main

sys.exit(main(sys.argv[1:]))
