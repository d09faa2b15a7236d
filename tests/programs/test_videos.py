"""Videos on site pages: only YouTube and Vimeo through their privacy players (or MP4/WebM
files of our own), a poster from this site until the visitor presses play, and the CSP
opened for the video's host on that page only."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from pictures.models import Picture
from programs.models import Video
from programs.models.video import validate_video_file
from programs.video_hosts import parse_embed
from tests.admin_forms import change_form_data
from tests.factories import UserFactory
from tests.pictures.factories import PictureFactory, jpeg_bytes
from tests.programs.factories import PageFactory, ProgramFactory
from website.models import SiteSettings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("redis_cache")]

NOCOOKIE = "https://www.youtube-nocookie.com"
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
WEBM_HEAD = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 64


@pytest.mark.parametrize(
    ("pasted", "embed", "watch"),
    [
        (
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=30s",
            f"{NOCOOKIE}/embed/aqz-KE-bpKQ",
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        ),
        ("https://youtu.be/aqz-KE-bpKQ?si=abc", f"{NOCOOKIE}/embed/aqz-KE-bpKQ", None),
        (
            "https://m.youtube.com/shorts/aqz-KE-bpKQ",
            f"{NOCOOKIE}/embed/aqz-KE-bpKQ",
            None,
        ),
        (
            "https://www.youtube.com/embed/aqz-KE-bpKQ",
            f"{NOCOOKIE}/embed/aqz-KE-bpKQ",
            None,
        ),
        (f"{NOCOOKIE}/embed/aqz-KE-bpKQ", f"{NOCOOKIE}/embed/aqz-KE-bpKQ", None),
        (
            "https://vimeo.com/76979871",
            "https://player.vimeo.com/video/76979871?dnt=1",
            "https://vimeo.com/76979871",
        ),
        (
            "https://vimeo.com/76979871/a1b2c3d4e5",
            "https://player.vimeo.com/video/76979871?h=a1b2c3d4e5&dnt=1",
            "https://vimeo.com/76979871/a1b2c3d4e5",
        ),
        (
            "https://vimeo.com/channels/staffpicks/76979871",
            "https://player.vimeo.com/video/76979871?dnt=1",
            None,
        ),
        (
            "https://player.vimeo.com/video/76979871?dnt=1",
            "https://player.vimeo.com/video/76979871?dnt=1",
            None,
        ),
    ],
)
def test_a_youtube_or_vimeo_address_becomes_the_privacy_embed(pasted, embed, watch):
    result = parse_embed(pasted)
    assert result.embed_url == embed
    if watch:
        assert result.watch_url == watch


@pytest.mark.parametrize(
    "pasted",
    [
        "https://www.dailymotion.com/video/x8abc12",
        "https://evil.example/youtube.com/watch?v=aqz-KE-bpKQ",
        "https://youtube.com.evil.example/watch?v=aqz-KE-bpKQ",
        "javascript:alert(1)",
        "ftp://youtube.com/watch?v=aqz-KE-bpKQ",
    ],
)
def test_other_hosts_are_refused_with_a_message(pasted):
    with pytest.raises(ValidationError) as refused:
        parse_embed(pasted)
    assert "YouTube or Vimeo only" in refused.value.messages[0]


@pytest.mark.parametrize(
    "pasted",
    [
        "https://www.youtube.com/",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/@willowridge",
        "https://vimeo.com/willowridge",
        "https://player.vimeo.com/video/76979871?h=<script>",
    ],
)
def test_an_address_that_is_not_one_video_is_refused(pasted):
    with pytest.raises(ValidationError) as refused:
        parse_embed(pasted)
    assert "does not point to one video" in refused.value.messages[0]


def poster() -> Picture:
    """A 16:9 still in the library."""
    return PictureFactory(
        title="Campus still",
        file=ContentFile(jpeg_bytes((1600, 900)), name="still.jpg"),
    )


def make_video(page, **fields) -> Video:
    return Video(
        page=page,
        title=fields.pop("title", "Our campus"),
        poster_picture=poster(),
        **fields,
    )


def test_the_model_stores_the_privacy_embed_of_a_pasted_address():
    video = make_video(PageFactory(), embed_url="https://youtu.be/aqz-KE-bpKQ")
    video.full_clean()
    video.save()
    assert Video.objects.get().embed_url == f"{NOCOOKIE}/embed/aqz-KE-bpKQ"


def test_the_model_refuses_another_host_on_the_address_field():
    video = make_video(PageFactory(), embed_url="https://www.dailymotion.com/video/x8")
    with pytest.raises(ValidationError) as refused:
        video.full_clean()
    assert "YouTube or Vimeo only" in refused.value.message_dict["embed_url"][0]


def test_a_video_needs_a_file_or_an_address_but_not_both():
    page = PageFactory()
    with pytest.raises(ValidationError) as neither:
        make_video(page).full_clean()
    assert neither.value.messages == [
        "Upload a video file or paste a YouTube or Vimeo address: one of the two, not both."
    ]
    both = make_video(page, embed_url="https://youtu.be/aqz-KE-bpKQ")
    both.file = SimpleUploadedFile("talk.mp4", MP4_HEAD)
    with pytest.raises(ValidationError, match="not both"):
        both.full_clean()


@pytest.mark.parametrize("head", [MP4_HEAD, WEBM_HEAD])
def test_mp4_and_webm_files_are_accepted_by_their_content(head):
    validate_video_file(SimpleUploadedFile("any-name.bin", head))


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(1)</script></html>" + b" " * 64,
        jpeg_bytes((64, 64)),
        b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64,
        b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  " + b"\x00" * 64,
        b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska" + b"\x00" * 64,
    ],
)
def test_other_files_are_refused_even_named_mp4(content):
    with pytest.raises(ValidationError, match="not an MP4 or WebM video"):
        validate_video_file(SimpleUploadedFile("talk.mp4", content))


def test_a_video_over_the_size_cap_is_refused(settings):
    settings.MAX_UPLOAD_VIDEO_BYTES = 1024 * 1024
    big = SimpleUploadedFile("talk.mp4", MP4_HEAD + b"\x00" * (1024 * 1024))
    with pytest.raises(ValidationError, match="larger than 1 MB"):
        validate_video_file(big)


def embedded_page():
    SiteSettings.objects.create(name="Test Center")
    page = PageFactory(slug="media-and-videos")
    video = make_video(
        page,
        title="A walk through the campus",
        embed_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        caption="Our lead therapist shows the grounds.",
        transcript_url="https://example.org/transcript",
    )
    video.full_clean()
    video.save()
    return page


def test_the_poster_loads_nothing_from_another_host_before_a_click():
    page = embedded_page()
    html = Client().get(page.get_absolute_url()).content.decode()

    sources = re.findall(r'(?:src|srcset)="([^"]*)"', html)
    assert sources
    for source in sources:
        for url in source.split(","):
            assert not re.match(r"\s*(https?:)?//", url), url
    assert "<iframe" not in html
    poster = re.search(r'<img class="video__poster"[^>]*>', html).group()
    assert re.search(r'src="/media/[^"]+\.webp"', poster)
    assert 'width="1280" height="720"' in poster
    play = re.search(r'<a class="video__play"[^>]*>', html).group()
    assert 'href="https://www.youtube.com/watch?v=aqz-KE-bpKQ"' in play
    assert f'data-embed="{NOCOOKIE}/embed/aqz-KE-bpKQ"' in play
    assert 'aria-label="Play video: A walk through the campus"' in play
    label = re.sub(
        r"<[^>]+>", "", re.search(r'<a class="video__play".*?</a>', html, re.S).group()
    )
    assert (
        " ".join(label.split()) == "Play video"
    )  # visible, and in the accessible name
    assert 'href="https://example.org/transcript"' in html


def frame_src(response) -> str | None:
    policy = response.headers["Content-Security-Policy"]
    found = re.search(r"frame-src ([^;]*)", policy)
    return found.group(1) if found else None


def test_the_csp_frames_the_video_host_on_that_page_only():
    page = embedded_page()
    other = PageFactory(slug="about-us")
    program = ProgramFactory()
    visitor = Client()

    assert frame_src(visitor.get(page.get_absolute_url())) == NOCOOKIE
    assert frame_src(visitor.get(page.get_absolute_url())) == NOCOOKIE  # cached
    for path in (other.get_absolute_url(), program.get_absolute_url(), "/", "/blog/"):
        response = visitor.get(path)
        assert response.status_code == 200, path
        assert frame_src(response) is None, path
        assert "media-src" not in response.headers["Content-Security-Policy"]


def test_a_self_hosted_video_plays_from_this_site_with_media_src_self():
    SiteSettings.objects.create(name="Test Center")
    page = PageFactory()
    video = make_video(page, title="Family week")
    video.file = SimpleUploadedFile("family.mp4", MP4_HEAD)
    video.full_clean()
    video.save()

    response = Client().get(page.get_absolute_url())
    policy = response.headers["Content-Security-Policy"]
    assert "media-src 'self'" in policy
    assert frame_src(response) is None
    play = re.search(r'<a class="video__play"[^>]*>', response.content.decode()).group()
    assert re.search(r'data-file="/media/videos/[^"]+" data-type="video/mp4"', play)


def test_adding_and_removing_a_video_changes_page_and_policy_on_the_next_request():
    SiteSettings.objects.create(name="Test Center")
    page = PageFactory()
    visitor = Client()
    first = visitor.get(page.get_absolute_url())
    assert "video__play" not in first.content.decode()
    assert frame_src(first) is None

    video = make_video(page, embed_url="https://vimeo.com/76979871")
    video.full_clean()
    video.save()
    added = visitor.get(page.get_absolute_url())
    assert "https://player.vimeo.com/video/76979871?dnt=1" in added.content.decode()
    assert frame_src(added) == "https://player.vimeo.com"

    video.delete()
    removed = visitor.get(page.get_absolute_url())
    assert "video__play" not in removed.content.decode()
    assert frame_src(removed) is None


# -- the admin: videos edited inline on the page's form ---------------------------------


@pytest.fixture
def staff(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def post_video(client, page, **video):
    """Post the page's admin form as it stands, with one new video."""
    url = f"/admin/programs/page/{page.pk}/change/"
    data = change_form_data(client, url)
    data.update(
        {
            "videos-TOTAL_FORMS": "1",
            "videos-INITIAL_FORMS": "0",
            "videos-0-title": "Family week",
            "videos-0-order": "0",
            "videos-0-poster_picture": str(poster().pk),
            **{f"videos-0-{name}": value for name, value in video.items()},
        }
    )
    return client.post(url, data)


def test_staff_paste_a_youtube_address_and_the_privacy_embed_is_saved(staff):
    page = PageFactory()
    response = post_video(
        staff, page, embed_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    video = page.videos.get()
    assert video.embed_url == f"{NOCOOKIE}/embed/aqz-KE-bpKQ"
    assert video.poster_picture.title == "Campus still"


def test_a_video_without_a_poster_is_refused_on_the_form(staff):
    page = PageFactory()
    response = post_video(
        staff,
        page,
        embed_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        poster_picture="",
    )

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not page.videos.exists()


def test_another_host_is_refused_on_the_form_and_nothing_typed_is_lost(staff):
    page = PageFactory()
    response = post_video(staff, page, embed_url="https://vid.example/watch/123")

    assert response.status_code == 200
    html = response.content.decode()
    assert "YouTube or Vimeo only" in html
    assert 'value="Family week"' in html
    assert 'value="https://vid.example/watch/123"' in html
    assert not page.videos.exists()


def test_an_uploaded_file_is_checked_and_named_by_its_content(staff):
    page = PageFactory()
    refused = post_video(
        staff,
        page,
        file=SimpleUploadedFile("talk.mp4", b"<html></html>" + b" " * 64),
    )
    assert refused.status_code == 200
    assert "not an MP4 or WebM video" in refused.content.decode()
    assert not page.videos.exists()

    saved = post_video(staff, page, file=SimpleUploadedFile("talk.webm", MP4_HEAD))
    assert saved.status_code == 302, saved.content.decode()[:2000]
    video = page.videos.get()
    assert re.fullmatch(r"videos/\d{4}/[0-9a-f]{12}\.mp4", video.file.name)
    assert video.file_type == "video/mp4"


def test_the_preview_shows_the_videos_as_typed_and_a_new_file_once_saved(staff):
    page = PageFactory(status="published")
    kept = make_video(page, title="Our campus", embed_url="https://vimeo.com/76979871")
    kept.full_clean()
    kept.save()
    url = f"/admin/programs/page/{page.pk}/change/"
    data = change_form_data(staff, url) | {
        "videos-0-title": "A walk around our campus",
        "videos-TOTAL_FORMS": "3",
        "videos-1-title": "Family week",
        "videos-1-order": "1",
        "videos-1-embed_url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "videos-1-poster_picture": str(poster().pk),
        "videos-2-title": "Open house",
        "videos-2-order": "2",
        "videos-2-file": SimpleUploadedFile("open-house.mp4", MP4_HEAD),
        "videos-2-poster_picture": str(poster().pk),
    }

    preview = staff.post(f"/admin/programs/page/{page.pk}/preview/", data)

    html = preview.content.decode()
    assert "A walk around our campus" in html
    assert "Family week" in html  # a poster chosen from the library shows at once
    assert "Open house" not in html  # its file is stored by the save, not the preview
    assert frame_src(preview) == f"https://player.vimeo.com {NOCOOKIE}"
    assert list(page.videos.values_list("title", flat=True)) == ["Our campus"]
