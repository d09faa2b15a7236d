"""Video embeds from privacy-respecting hosts only. Staff paste an ordinary YouTube or Vimeo
address; it is stored as the host's privacy embed (youtube-nocookie.com, player.vimeo.com
with dnt=1), and every other address is refused with a message saying why."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from django.core.exceptions import ValidationError

YOUTUBE_EMBED = "https://www.youtube-nocookie.com"
VIMEO_EMBED = "https://player.vimeo.com"
# The origins a page may frame (its CSP frame-src) when it embeds a video from them.
EMBED_ORIGINS = (YOUTUBE_EMBED, VIMEO_EMBED)

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^[0-9]{6,12}$")
VIMEO_HASH = re.compile(r"^[0-9a-f]{6,20}$")

REFUSED = (
    "Videos can be embedded from YouTube or Vimeo only (shown through their "
    "privacy-respecting players). Paste the video's address from YouTube or Vimeo, or "
    "upload an MP4 or WebM file instead."
)


@dataclass(frozen=True)
class Embed:
    """A video on an allowlisted host: the player's address and the video's own page."""

    embed_url: str
    watch_url: str
    origin: str

    @property
    def host_name(self) -> str:
        return "YouTube" if self.origin == YOUTUBE_EMBED else "Vimeo"


def _youtube(host: str, path: str, query: dict) -> Embed | None:
    parts = [p for p in path.split("/") if p]
    if host == "youtu.be":
        video_id = parts[0] if parts else ""
    elif parts[:1] == ["watch"]:
        video_id = query.get("v", [""])[0]
    elif len(parts) >= 2 and parts[0] in {"embed", "shorts", "live", "v"}:
        video_id = parts[1]
    else:
        return None
    if not YOUTUBE_ID.match(video_id):
        return None
    return Embed(
        embed_url=f"{YOUTUBE_EMBED}/embed/{video_id}",
        watch_url=f"https://www.youtube.com/watch?v={video_id}",
        origin=YOUTUBE_EMBED,
    )


def _vimeo(host: str, path: str, query: dict) -> Embed | None:
    parts = [p for p in path.split("/") if p]
    if host == "player.vimeo.com":
        if parts[:1] != ["video"] or len(parts) < 2:
            return None
        video_id, private = parts[1], query.get("h", [""])[0]
    else:
        numeric = [i for i, p in enumerate(parts) if VIMEO_ID.match(p)]
        if not numeric:
            return None
        index = numeric[-1]
        video_id = parts[index]
        rest = parts[index + 1 : index + 2]
        private = rest[0] if rest else query.get("h", [""])[0]
    if not VIMEO_ID.match(video_id):
        return None
    if private and not VIMEO_HASH.match(private):
        return None
    params = {"h": private} if private else {}
    params["dnt"] = "1"
    watch = f"https://vimeo.com/{video_id}" + (f"/{private}" if private else "")
    return Embed(
        embed_url=f"{VIMEO_EMBED}/video/{video_id}?{urlencode(params)}",
        watch_url=watch,
        origin=VIMEO_EMBED,
    )


def parse_embed(url: str) -> Embed:
    """The privacy embed for a YouTube or Vimeo address; ValidationError for anything else."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        raise ValidationError(REFUSED, code="host") from None
    host = (parts.hostname or "").lower()
    if parts.scheme not in {"http", "https"}:
        raise ValidationError(REFUSED, code="host")
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS:
        embed = _youtube(host, parts.path, query)
    elif host in VIMEO_HOSTS:
        embed = _vimeo(host, parts.path, query)
    else:
        raise ValidationError(REFUSED, code="host")
    if embed is None:
        raise ValidationError(
            "This address does not point to one video. Open the video on YouTube or "
            "Vimeo and copy the address from the browser's address bar or the Share button.",
            code="video",
        )
    return embed
