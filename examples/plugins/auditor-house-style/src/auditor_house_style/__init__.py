"""The house style of Le Courrier du Val (a fictional newspaper), as an auditor plugin."""

__version__ = "1.0.0"
