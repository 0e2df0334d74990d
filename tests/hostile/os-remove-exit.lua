-- tries: os.remove a file and os.exit the simulator from on_enter
function on_enter(step)
  if step == "decide" then
    os.remove("scenario.json") -- @error
    os.exit(3)
  end
end
