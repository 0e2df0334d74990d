-- tries: dofile and loadfile to run another file from disk
function on_action(id)
  dofile("/etc/passwd") -- @error
end
