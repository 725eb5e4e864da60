"""The output formats of `list` and `results`, apart from the renderers so `--help` needs no Rich."""

FORMATS = ("table", "json", "csv", "markdown")
RESULT_FORMATS = ("table", "json", "csv")
