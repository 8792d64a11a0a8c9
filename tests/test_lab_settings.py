"""tools/lab.py: 한국어 화면과 뉴스 팝업 끄기 설정."""

import json

import lab


def test_overrides_written_and_other_settings_kept(tmp_path):
    path = lab.overrides_path(str(tmp_path))
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"@jupyterlab/notebook-extension:tracker": {"kernelShutdown": True}}))
    lab.write_settings(str(tmp_path))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["@jupyterlab/translation-extension:plugin"]["locale"] == "ko_KR"
    assert data["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert data["@jupyterlab/notebook-extension:tracker"] == {"kernelShutdown": True}


def test_broken_overrides_file_is_replaced(tmp_path, capsys):
    path = lab.overrides_path(str(tmp_path))
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    lab.write_settings(str(tmp_path))
    assert json.loads(path.read_text(encoding="utf-8"))["@jupyterlab/translation-extension:plugin"]
    assert "올바른 JSON이 아니어서" in capsys.readouterr().err


def test_ko_language_pack_is_installed():
    import importlib.util

    assert importlib.util.find_spec("jupyterlab_language_pack_ko_KR") is not None


def test_server_config_is_local_with_generated_token():
    """make lab의 서버 설정: 127.0.0.1만, XSRF 켬, 토큰은 고정하지 않음(Jupyter가 무작위로 생성)."""
    from traitlets.config import Config

    config = Config()
    namespace = {"get_config": lambda: config, "__file__": str(lab.SERVER_CONFIG)}
    exec(compile(lab.SERVER_CONFIG.read_text(encoding="utf-8"), str(lab.SERVER_CONFIG), "exec"), namespace)
    assert config.ServerApp.ip == "127.0.0.1"
    assert config.ServerApp.disable_check_xsrf is False
    assert config.ServerApp.allow_remote_access is False
    # 토큰을 문자열로 박아 두면 그 문자열이 곧 비밀번호가 된다 ('<generated>'도 글자 그대로 쓰인다)
    assert "token" not in config.IdentityProvider and "token" not in config.ServerApp


def test_server_config_serves_the_korean_web_font():
    """make lab은 custom.css를 켜고, 그 CSS가 쓰는 NanumGothic.ttf를 같은 /custom/ 주소로 내보낸다."""
    from pathlib import Path

    from traitlets.config import Config

    config = Config()
    namespace = {"get_config": lambda: config, "__file__": str(lab.SERVER_CONFIG)}
    exec(compile(lab.SERVER_CONFIG.read_text(encoding="utf-8"), str(lab.SERVER_CONFIG), "exec"), namespace)
    assert config.LabApp.custom_css is True
    folders = [Path(p) for p in config.ServerApp.tornado_settings["static_custom_path"]]
    css = next(f / "custom.css" for f in folders if (f / "custom.css").exists())
    assert 'url("CourseNanumGothic.ttf")' in css.read_text(encoding="utf-8")
    assert lab.WEB_FONT.parent in folders


def test_web_font_drops_the_tables_browsers_reject(tmp_path):
    """원본 NanumGothic.ttf의 빈 TSI3 표 때문에 Chromium(OTS)이 글꼴을 거부한다: 사본에는 TSI 표가 없다."""
    from fontTools.ttLib import TTFont

    assert any(tag.startswith("TSI") for tag in TTFont(lab.FONT_SOURCE).keys())  # 원본에는 있다
    target = lab.write_web_font(target=tmp_path / "web.ttf")
    font = TTFont(target)
    assert not any(tag.startswith("TSI") for tag in font.keys())
    assert ord("한") in font.getBestCmap()
