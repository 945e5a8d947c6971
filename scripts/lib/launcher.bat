@echo off
rem The eloquent CLI on the module path: lib\ (the CLI and the drivers), lib\app\ and %ELOQUENT_APP_PATH%
rem (your application, which provides dev.eloquent.orm.EloquentApplication). JAVA_HOME or java on PATH (17+).
setlocal
set "HOME_DIR=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
set "MODULE_PATH=%HOME_DIR%\lib;%HOME_DIR%\lib\app"
if defined ELOQUENT_APP_PATH set "MODULE_PATH=%MODULE_PATH%;%ELOQUENT_APP_PATH%"
"%JAVA_EXE%" %JAVA_OPTS% -p "%MODULE_PATH%" -m dev.eloquent.cli/dev.eloquent.cli.EloquentCli %*
exit /b %ERRORLEVEL%
