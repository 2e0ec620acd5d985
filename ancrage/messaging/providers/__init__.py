"""SMS providers: one module each, behind the contract in base.py."""
