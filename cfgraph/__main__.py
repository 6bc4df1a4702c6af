"""``python -m cfgraph`` runs the command-line interface."""

from cfgraph.cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
