# JupyterLab 서버 설정: `make lab`(또는 `python tools/lab.py`)이 이 파일을 쓴다.
# 같은 설정을 브라우저 테스트(tests/test_browser.py)도 쓴다.
import os
from pathlib import Path

c = get_config()  # noqa: F821  (Jupyter가 이 파일을 실행할 때 넣어 주는 함수)

ROOT = Path(__file__).resolve().parent.parent

c.ServerApp.ip = "127.0.0.1"  # 이 컴퓨터에서만 접속 가능 (같은 네트워크의 다른 사람은 못 들어온다)
c.ServerApp.root_dir = str(ROOT)  # 왼쪽 파일 브라우저는 저장소 최상위에서 시작
c.ServerApp.default_url = "/lab/tree/notebooks"
# 토큰 인증: 따로 정하지 않는다. 그러면 Jupyter가 실행할 때마다 무작위 토큰을 만들고
# (환경 변수 JUPYTER_TOKEN이 있으면 그 값), 터미널에 토큰이 든 주소를 보여 준다.
# 빈 문자열("")로 정하면 인증이 꺼지므로 절대 그렇게 하지 말 것.
c.ServerApp.disable_check_xsrf = False  # XSRF 보호 켬 (기본값이지만 명시)
c.ServerApp.allow_remote_access = False
if hasattr(os, "geteuid") and os.geteuid() == 0:
    c.ServerApp.allow_root = True  # 컨테이너나 CI처럼 root로 실행하는 경우

# 한글 웹 글꼴: 운영체제에 한글 글꼴이 없는 컴퓨터에서도 JupyterLab 화면의 한글이 보이게 한다.
# jupyter/custom/custom.css가 build/webfont/CourseNanumGothic.ttf(helpers/fonts/NanumGothic.ttf에서 tools/lab.py가
# 만든 브라우저용 사본)를 웹 글꼴로 쓴다. 두 폴더를 /custom/ 주소로 내보낸다.
c.LabApp.custom_css = True
c.ServerApp.tornado_settings = {
    "static_custom_path": [str(ROOT / "jupyter" / "custom"), str(ROOT / "build" / "webfont")],
}

