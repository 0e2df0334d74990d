-- tries: load() a text chunk (load is not in the sandbox)
function setup()
  local f = load("return io") -- @error
end
