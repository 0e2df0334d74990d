-- tries: an error message of one mebibyte (the report must stay bounded)
function on_action(id)
  error(("z"):rep(1024 * 1024)) -- @error
end
