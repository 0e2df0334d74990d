-- LÖVE 11.4 peer for bench/gui_bench.sh: one 1280×720 window, no audio or physics.
function love.conf(t)
    t.identity = "mfc-bench-peer"
    t.window.title = "peer"
    t.window.width = 1280
    t.window.height = 720
    t.modules.audio = false
    t.modules.sound = false
    t.modules.physics = false
    t.modules.joystick = false
    t.modules.video = false
end
