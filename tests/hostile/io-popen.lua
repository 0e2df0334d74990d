-- tries: run a shell command with io.popen at load time (main chunk)
local p = io.popen("touch PWNED") -- @error
