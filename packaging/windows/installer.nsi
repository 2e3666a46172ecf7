; 简报编辑台 (Bulletin Desk) — the Windows installer. Built by packaging/build_windows.py:
;   makensis -WX -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION_QUAD=0.1.0.0 -DSRC=<bundle> -DOUTFILE=<exe>
;            -DICON=<ico> [-DNO_COMPRESS] [-DSIGN_CMD=<cmd>] installer.nsi
;
; Per-user by default: no elevation, %LOCALAPPDATA%\Programs\BulletinDesk, HKCU. "/AllUsers" (run as an
; administrator, for IT departments) installs into %ProgramFiles%\BulletinDesk with HKLM keys and all-users
; shortcuts. "/S" is silent, "/D=<dir>" (last, unquoted) chooses the folder, "/NODESKTOP" skips the
; desktop shortcut.
; User data (archive, settings, logs) lives in %LOCALAPPDATA%\BulletinDesk (platformdirs), never in the
; program folder: upgrades and uninstalls never touch it, except when the user ticks the box on the
; uninstaller's page (never in silent mode).

Unicode true
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS Win10
RequestExecutionLevel user

!ifdef NO_COMPRESS
  SetCompress off            ; fast structural build for tests
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 16
!endif

!ifdef SIGN_CMD              ; sign the uninstaller and the installer as they are written
  !uninstfinalize '${SIGN_CMD} "%1"'
  !finalize '${SIGN_CMD} "%1"'
!endif

!define APP "BulletinDesk"
!define APP_ZH "简报编辑台"
!define MUTEX "BulletinDesk.Running"      ; = bulletin_desk.winapp.MUTEX_NAME
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define SETTINGS_KEY "Software\${APP}"
!define PROGID "BulletinDesk.bdjson"
!define APP_EXE "runtime\BulletinDesk.exe"  ; a renamed pythonw.exe (still PSF-signed)
!define MIN_BUILD 17763                     ; Windows 10 1809 / LTSC 2019, Qt 6's floor

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"
!include "TextFunc.nsh"
!include "nsDialogs.nsh"
!include "Sections.nsh"

Name "${APP_ZH} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
ShowInstDetails nevershow
ShowUninstDetails nevershow
BrandingText "${APP_ZH} ${VERSION}"

Var AllUsers        ; "1" in the all-users mode
Var DeleteUserData  ; "1" only when the box on the uninstall page is ticked
Var DataCheckbox

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_FUNCTION LaunchApp

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.UserDataPage un.UserDataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

; English first: the fallback for every system language that is not Chinese.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString OldWindows ${LANG_ENGLISH} "${APP_ZH} (Bulletin Desk) needs 64-bit Windows 10 version 1809 or later, or Windows 11. Windows 7 and 8 cannot run it (Qt 6 and Python 3.11 do not support them)."
LangString OldWindows ${LANG_SIMPCHINESE} "简报编辑台需要 64 位 Windows 10（1809 或更高版本）或 Windows 11。Windows 7、Windows 8 无法运行本程序（Qt 6 与 Python 3.11 均已不支持）。"
LangString Running ${LANG_ENGLISH} "${APP_ZH} (Bulletin Desk) is running. Please save your work, close it, then click Retry."
LangString Running ${LANG_SIMPCHINESE} "简报编辑台正在运行。请先保存并关闭它，然后点击“重试”。"
LangString NeedAdmin ${LANG_ENGLISH} "The /AllUsers installation needs administrator rights. Run the installer as an administrator, or install for yourself without /AllUsers."
LangString NeedAdmin ${LANG_SIMPCHINESE} "为所有用户安装（/AllUsers）需要管理员权限。请以管理员身份运行安装程序，或去掉 /AllUsers 仅为当前用户安装。"
LangString SecProgram ${LANG_ENGLISH} "Program files"
LangString SecProgram ${LANG_SIMPCHINESE} "程序文件"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktop ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString FileType ${LANG_ENGLISH} "Bulletin Desk issue (bulletin-desk/1)"
LangString FileType ${LANG_SIMPCHINESE} "简报编辑台简报文件（bulletin-desk/1）"
LangString DataTitle ${LANG_ENGLISH} "Your bulletins"
LangString DataTitle ${LANG_SIMPCHINESE} "您的简报档案"
LangString DataText ${LANG_ENGLISH} "Your archive of bulletins, settings and logs are kept, so a new installation finds them again."
LangString DataText ${LANG_SIMPCHINESE} "您的简报档案库、设置和日志默认保留，重新安装后仍可使用。"
LangString DataBox ${LANG_ENGLISH} "Also delete my archive, settings and logs (cannot be undone)"
LangString DataBox ${LANG_SIMPCHINESE} "同时删除我的档案库、设置和日志（无法恢复）"

VIProductVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "Bulletin Desk"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "Bulletin Desk (${APP_ZH}) installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "Bulletin Desk authors"

; ---------------------------------------------------------------------------------------------------
; Shared by installer and uninstaller (a macro, because uninstaller functions must start with "un.").

!macro ChooseLanguage
  ; Chinese when the user's UI language is Chinese (any region), English otherwise.
  System::Call 'kernel32::GetUserDefaultUILanguage() i .r0'
  IntOp $0 $0 & 0x3FF
  ${If} $0 = 4
    StrCpy $LANGUAGE ${LANG_SIMPCHINESE}
  ${Else}
    StrCpy $LANGUAGE ${LANG_ENGLISH}
  ${EndIf}
!macroend

!macro RefuseWhileRunning
  ; The app holds the named mutex while it runs (bulletin_desk.winapp.acquire_running_mutex).
  ${Do}
    System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${MUTEX}") p .r0'
    ${If} $0 == 0
      ${Break}
    ${EndIf}
    System::Call 'kernel32::CloseHandle(p r0)'
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(Running)" /SD IDCANCEL IDRETRY +2
    Abort
  ${Loop}
!macroend

!macro RemoveProgramFiles
  ; Exactly what the last installation wrote (its manifest), then the program folders wholesale: no
  ; stale DLL survives an upgrade. Only when the manifest proves the folder is ours.
  ${If} ${FileExists} "$INSTDIR\install-manifest.txt"
    ClearErrors
    FileOpen $1 "$INSTDIR\install-manifest.txt" r
    ${IfNot} ${Errors}
      ${Do}
        ClearErrors
        FileRead $1 $2
        ${If} ${Errors}
          ${Break}
        ${EndIf}
        ${TrimNewLines} "$2" $2
        StrCpy $3 $2 2
        ${If} $2 == ""
        ${OrIf} $3 == ".."
          ${Continue}
        ${EndIf}
        Delete "$INSTDIR\$2"
      ${Loop}
      FileClose $1
    ${EndIf}
    RMDir /r "$INSTDIR\runtime"
    RMDir /r "$INSTDIR\lib"
    RMDir /r "$INSTDIR\app"
    Delete "$INSTDIR\install-manifest.txt"
  ${EndIf}
!macroend

; ---------------------------------------------------------------------------------------------------

Function LaunchApp
  Exec '"$INSTDIR\${APP_EXE}" "$INSTDIR\bulletin_desk.pyw"'
FunctionEnd

Section "$(SecProgram)" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  !insertmacro RemoveProgramFiles
  File /r "${SRC}/*.*"
  ${If} $AllUsers == 1
    FileOpen $0 "$INSTDIR\all-users.txt" w
    FileWrite $0 "1"
    FileClose $0
  ${EndIf}
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_ZH}.lnk" "$INSTDIR\${APP_EXE}" '"$INSTDIR\bulletin_desk.pyw"' \
    "$INSTDIR\bulletin_desk.ico" 0 SW_SHOWNORMAL "" "Bulletin Desk"

  WriteRegStr SHCTX "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APP_ZH} (Bulletin Desk)"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "Bulletin Desk"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\bulletin_desk.ico"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" "$0"

  ; .bdjson (bulletin-desk/1) opens in the app.
  WriteRegStr SHCTX "Software\Classes\.bdjson" "" "${PROGID}"
  WriteRegStr SHCTX "Software\Classes\.bdjson" "Content Type" "application/json"
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "$(FileType)"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\bulletin_desk.ico"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" \
    '"$INSTDIR\${APP_EXE}" "$INSTDIR\bulletin_desk.pyw" --open "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "$(SecDesktop)" SecDesktop
  CreateShortcut "$DESKTOP\${APP_ZH}.lnk" "$INSTDIR\${APP_EXE}" '"$INSTDIR\bulletin_desk.pyw"' \
    "$INSTDIR\bulletin_desk.ico" 0 SW_SHOWNORMAL "" "Bulletin Desk"
SectionEnd

Function .onInit
  !insertmacro ChooseLanguage
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "$(OldWindows)" /SD IDOK
    Abort
  ${EndIf}
  StrCpy $AllUsers 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/AllUsers" $R1
  ${IfNot} ${Errors}
    UserInfo::GetAccountType
    Pop $R2
    ${If} $R2 != "Admin"
      MessageBox MB_OK|MB_ICONSTOP "$(NeedAdmin)" /SD IDOK
      Abort
    ${EndIf}
    ; Keep a /D= folder; replace the per-user default (or a per-user remembered folder). Compare with the
    ; user's $LOCALAPPDATA before switching context: afterwards it means ProgramData.
    StrCpy $R6 "$LOCALAPPDATA"
    StrLen $R3 $R6
    StrCpy $R4 $INSTDIR $R3
    StrCpy $AllUsers 1
    SetShellVarContext all
    SetRegView 64
    ${If} $R4 == $R6
      ReadRegStr $R5 HKLM "${SETTINGS_KEY}" "InstallDir"
      ${If} $R5 != ""
        StrCpy $INSTDIR $R5
      ${Else}
        StrCpy $INSTDIR "$PROGRAMFILES64\${APP}"
      ${EndIf}
    ${EndIf}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/NODESKTOP" $R1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}
  !insertmacro RefuseWhileRunning
FunctionEnd

; ---------------------------------------------------------------------------------------------------
Function un.onInit
  !insertmacro ChooseLanguage
  StrCpy $DeleteUserData 0
  StrCpy $AllUsers 0
  ${If} ${FileExists} "$INSTDIR\all-users.txt"
    StrCpy $AllUsers 1
    SetShellVarContext all
    SetRegView 64
  ${EndIf}
  !insertmacro RefuseWhileRunning
FunctionEnd

Function un.UserDataPage
  !insertmacro MUI_HEADER_TEXT "$(DataTitle)" "$(DataText)"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 24u "$(DataText)"
  Pop $0
  ${NSD_CreateCheckbox} 0 32u 100% 12u "$(DataBox)"
  Pop $DataCheckbox
  ${NSD_Uncheck} $DataCheckbox
  nsDialogs::Show
FunctionEnd

Function un.UserDataPageLeave
  ${NSD_GetState} $DataCheckbox $0
  ${If} $0 == ${BST_CHECKED}
    StrCpy $DeleteUserData 1
  ${EndIf}
FunctionEnd

Section "Uninstall"
  !insertmacro RemoveProgramFiles
  Delete "$INSTDIR\all-users.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"   ; only if empty: anything the user put there stays

  Delete "$SMPROGRAMS\${APP_ZH}.lnk"
  Delete "$DESKTOP\${APP_ZH}.lnk"

  DeleteRegKey SHCTX "${UNINST_KEY}"
  DeleteRegKey SHCTX "${SETTINGS_KEY}"
  ReadRegStr $0 SHCTX "Software\Classes\.bdjson" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey SHCTX "Software\Classes\.bdjson"
  ${EndIf}
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; The user's archive, settings and logs: only on an explicit tick, never in silent mode.
  ${If} $DeleteUserData == 1
  ${AndIfNot} ${Silent}
    SetShellVarContext current
    RMDir /r "$LOCALAPPDATA\${APP}"
  ${EndIf}
SectionEnd
