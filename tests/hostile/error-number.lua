-- tries: error() with a number and with a boolean from different hooks
function on_action(id)
  error(42) -- @error
end
function ending(id)
  error(true) -- @error
end
