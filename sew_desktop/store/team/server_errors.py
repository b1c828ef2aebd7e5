"""What the team server refuses, as store errors (one line, English in ``str``, translatable in ``text``)."""

from __future__ import annotations

from sew_desktop.domain.texts import QT_TRANSLATE_NOOP
from sew_desktop.store.errors import StoreError, says


class TeamServerError(StoreError):
    """A refusal of the team server or of its connection."""


class ServerUnreachableError(TeamServerError):
    """The server cannot be reached, or the login failed (the first line of libpq's reason)."""

    def __init__(self, reason: str) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP("StoreError", "team server not reachable: %1"), reason))
        self.reason = reason


class NotATeamServerError(TeamServerError):
    """The database holds no SEW team server."""

    def __init__(self) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP(
            "StoreError", "this database holds no SEW team server (a coordinator runs 'server init')")))


class ServerVersionError(TeamServerError):
    """The server's schema version is not this app's."""

    def __init__(self, server: int, app: int) -> None:
        if server < app:
            text = says(QT_TRANSLATE_NOOP("StoreError", "the team server has schema version %1 and this SEW Desktop"
                                                        " needs %2: ask a coordinator to run 'server upgrade'"),
                        server, app)
        else:
            text = says(QT_TRANSLATE_NOOP("StoreError", "the team server has schema version %1 and this SEW Desktop"
                                                        " knows %2: update SEW Desktop"), server, app)
        super().__init__(text)
        self.server = server
        self.app = app


class LaptopTakenError(TeamServerError):
    """A laptop id another login registered."""

    def __init__(self, laptop: str) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP("StoreError", "laptop %1 is registered by another login"), laptop))
        self.laptop = laptop


class ServerExistsError(TeamServerError):
    """``server init`` in a database that already holds a team server."""

    def __init__(self) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP("StoreError", "this database already holds a SEW team server")))


class NoSuchLoginError(TeamServerError):
    """A login that is not in the team."""

    def __init__(self, login: str) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP("StoreError", "no team login %1"), login))
        self.login = login
