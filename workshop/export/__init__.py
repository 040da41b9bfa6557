"""The blueprint in every format (Markdown, HTML, Word, PowerPoint, YAML/JSON), from the domain's
export context. It imports the domain only: no Textual, no screens, no session store (files are
written by ``session_store.blueprint_file``).
"""
