"""The bundled demo session (``demo.toml``) and the script that builds it (``build.py``)."""
