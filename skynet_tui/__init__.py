"""skynet-tui: a terminal timeline explorer of China's Sky Net campaign against fugitive officials."""

__version__ = "0.1.0"
