"""newsetl: raw German news dumps to validated Parquet tables."""

__version__ = "0.1.0"
