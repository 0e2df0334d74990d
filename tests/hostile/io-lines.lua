-- tries: read /etc/passwd with io.lines from setup
function setup()
  for line in io.lines("/etc/passwd") do print(line) end -- @error
end
