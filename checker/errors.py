"""Errors the user can act on. The CLI turns them into one paragraph on stderr and exit 2."""


class UserError(Exception):
    """Bad usage, configuration or input: reported without a traceback, exit status 2."""


class InputError(UserError):
    """A path that cannot be read as text: missing, binary, undecodable, empty directory."""
