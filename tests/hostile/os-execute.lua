-- tries: os.execute to create a file
function on_action(id)
  os.execute("touch PWNED") -- @error
end
