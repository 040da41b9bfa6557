"""Partner Workshop: the domain (models, the method's rules, economics, export, CLI) and the App."""

__version__ = "0.1.0"
