"""trim.py on a miniature PySide6 tree: the allow-list keeps what the app needs and nothing else."""

from __future__ import annotations

import trim


def _touch(root, rel, data=b"x"):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_trim_keeps_the_allow_list_and_drops_the_rest(tmp_path):
    lib = tmp_path / "lib"
    keep = ["PySide6/Qt6Core.dll", "PySide6/QtWidgets.pyd", "PySide6/__init__.py",
            "PySide6/plugins/platforms/qwindows.dll", "PySide6/plugins/imageformats/qjpeg.dll",
            "PySide6/translations/qtbase_zh_CN.qm", "shiboken6/Shiboken.pyd", "docx/__init__.py",
            "lxml/etree.cp311-win_amd64.pyd"]
    drop = ["PySide6/Qt6WebEngineCore.dll", "PySide6/Qt6Quick.dll", "PySide6/opengl32sw.dll",
            "PySide6/designer.exe", "PySide6/QtCore.pyi", "PySide6/pyside6.abi3.lib",
            "PySide6/plugins/imageformats/qpdf.dll",
            "PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll",
            "PySide6/qml/QtQuick/qmldir", "PySide6/translations/qtbase_de.qm", "PySide6/include/QtCore/qglobal.h",
            "shiboken6/Shiboken.pyi", "lxml/includes/tree.h", "docx/__pycache__/x.cpython-311.pyc"]
    for rel in keep + drop:
        _touch(lib, rel)
    removed = trim.trim_lib(lib)
    assert removed == len(drop)
    for rel in keep:
        assert (lib / rel).is_file(), rel
    for rel in drop:
        assert not (lib / rel).exists(), rel
    assert not (lib / "PySide6" / "qml").exists()
    assert not (lib / "PySide6" / "plugins" / "platforminputcontexts").exists()


def test_forbidden_and_missing_lists(tmp_path):
    _touch(tmp_path, "lib/PySide6/Qt6WebEngineCore.dll")
    _touch(tmp_path, "lib/PySide6/plugins/imageformats/qpdf.dll")
    assert trim.forbidden_files(tmp_path) == ["lib/PySide6/Qt6WebEngineCore.dll",
                                              "lib/PySide6/plugins/imageformats/qpdf.dll"]
    assert "runtime/python311.dll" in trim.missing_files(tmp_path)


def test_system_dlls():
    assert trim.is_system_dll("KERNEL32.dll") and trim.is_system_dll("api-ms-win-crt-runtime-l1-1-0.dll")
    assert not trim.is_system_dll("Qt6Pdf.dll") and not trim.is_system_dll("icuuc.dll")
