"""align: English–Indonesian parallel-text aligner."""

__version__ = "0.1.0"
