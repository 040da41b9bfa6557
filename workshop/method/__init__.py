"""The domain: the session's model and the method's rules (scoring, tiers, decisions, OKR and RACI
checks, health, economics, team scoring, the export's context) and the one edit path.

Plain Python and pydantic: it imports neither Textual, nor screens, nor the session store.
"""
